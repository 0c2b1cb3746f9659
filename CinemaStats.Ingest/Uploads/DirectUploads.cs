using CinemaStats.Core.Layout;
using CinemaStats.Core.Sources;
using CinemaStats.Core.Storage;
using Microsoft.Extensions.Options;

namespace CinemaStats.Ingest.Uploads;

/// <summary>What a sender declares before uploading straight to S3.</summary>
public sealed record DirectUploadRequest(string? FileName, long? Size, string? Sha256, string? ContentType);

/// <summary>The answer: where to PUT (or, for content already received, the existing upload).</summary>
public sealed record DirectUploadTicket(string UploadId, string Key, string Status, string? Url, string? Method, IReadOnlyDictionary<string, string>? Headers, DateTimeOffset? ExpiresAt);

/// <summary>
/// Hands out presigned PUT URLs. The URL binds the key, length, SHA-256 and metadata, so S3
/// itself refuses a different body; the object then flows downstream like any other.
/// </summary>
public sealed class DirectUploads(IObjectStore store, UploadRecords records, IOptions<IngestOptions> options, TimeProvider clock)
{
    public async Task<(DirectUploadTicket Ticket, bool Created)> IssueAsync(SourceDefinition source, DirectUploadRequest request, string uploader, CancellationToken cancellationToken)
    {
        if (store is not S3ObjectStore s3)
        {
            throw new UploadRejectedException(StatusCodes.Status409Conflict, "Direct upload needs S3 storage",
                "This instance keeps objects in a local folder (Storage:Mode=filesystem), which cannot accept direct uploads. " +
                $"Send the file to PUT /v1/sources/{source.Name}/files/{{name}} instead, or run with S3 storage.");
        }
        var fileName = request.FileName ?? throw Invalid("fileName", "Give the file's name, e.g. \"sessions_2026-03-06.csv\".");
        var extension = UploadFileName.AcceptedExtension(source, fileName);
        var contentType = UploadContentType.Accepted(source, extension, request.ContentType);
        var max = Math.Min(options.Value.MaxUploadBytes, 5L * 1024 * 1024 * 1024);
        if (request.Size is not { } size || size <= 0)
        {
            throw Invalid("size", "Give the file's size in bytes (more than 0).");
        }
        if (size > max)
        {
            throw new UploadRejectedException(StatusCodes.Status413PayloadTooLarge, "The file is too large",
                $"Direct uploads are limited to {max:N0} bytes. Split the file, or compress it with gzip (.gz).", "size");
        }
        var sha256 = request.Sha256?.Trim().ToLowerInvariant();
        if (sha256 is not { Length: 64 } || !sha256.All(Uri.IsHexDigit))
        {
            throw Invalid("sha256", "Give the file's SHA-256 as 64 hex digits (e.g. from `sha256sum FILE`); S3 checks the upload against it.");
        }

        var uploadId = UploadId.For(source.Name, sha256);
        return await records.ExclusiveAsync(uploadId, async () =>
        {
            var now = clock.GetUtcNow();
            var existing = await records.GetAsync(uploadId, cancellationToken);
            if (existing is { Record: var found } && !found.IsAbandoned(now)
                && (found.State != UploadRecord.AwaitingUpload || await store.HeadAsync(found.RawKey, cancellationToken) is not null))
            {
                return (new DirectUploadTicket(uploadId, found.RawKey, UploadRecord.Stored, null, null, null, null), false);
            }

            var rawKey = existing is { Record.State: UploadRecord.AwaitingUpload } pending
                ? pending.Record.RawKey
                : new RawObjectKey(source.Name, DateOnly.FromDateTime(now.UtcDateTime), uploadId, extension).ToString();
            var expiry = options.Value.DirectUploadExpiry;
            var presigned = s3.PresignPut(rawKey, contentType, size, Convert.FromHexString(sha256), new Dictionary<string, string>
            {
                [RawObjectMetadata.Sha256] = sha256,
                [RawObjectMetadata.Source] = source.Name,
                [RawObjectMetadata.OriginalName] = fileName,
                [RawObjectMetadata.UploadId] = uploadId,
                [RawObjectMetadata.Uploader] = uploader,
            }, expiry);
            var record = new UploadRecord(uploadId, source.Name, UploadRecord.AwaitingUpload, rawKey, sha256, size, contentType, fileName, uploader, now, presigned.ExpiresAt);
            await records.SaveAsync(record, existing?.ETag, createOnly: existing is null, cancellationToken);
            return (new DirectUploadTicket(uploadId, rawKey, UploadRecord.AwaitingUpload, presigned.Url, "PUT", presigned.Headers, presigned.ExpiresAt), true);
        }, cancellationToken);
    }

    private static UploadRejectedException Invalid(string field, string detail) =>
        new(StatusCodes.Status400BadRequest, $"The {field} is missing or invalid", detail, field);
}
