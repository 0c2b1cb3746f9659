using System.Security.Cryptography;
using CinemaStats.Core.Layout;
using CinemaStats.Core.Sources;
using CinemaStats.Core.Storage;
using Microsoft.Extensions.Options;

namespace CinemaStats.Ingest.Uploads;

/// <summary>The outcome of a PUT: the record, and whether this request created it.</summary>
public sealed record UploadOutcome(UploadRecord Record, bool Created);

/// <summary>
/// Stores a request body under <c>raw/</c> exactly as sent. The body is spooled to a local file
/// while it is hashed and counted, so it is checked whole before anything is stored and memory
/// stays flat whatever its size. The upload id comes from the content: the same bytes sent again
/// for the same source find the first upload and store nothing.
/// </summary>
public sealed class RawUploadWriter(
    IObjectStore store, UploadRecords records, IOptions<IngestOptions> options, TimeProvider clock, ILogger<RawUploadWriter> logger)
{
    /// <summary>How long a "receiving" record holds off identical uploads if its writer dies.</summary>
    private static readonly TimeSpan ReceivingLease = TimeSpan.FromMinutes(2);

    public async Task<UploadOutcome> StoreAsync(
        SourceDefinition source, string fileName, string? contentType, long? declaredLength, Stream body, string uploader, CancellationToken cancellationToken)
    {
        var extension = UploadFileName.AcceptedExtension(source, fileName);
        var mediaType = UploadContentType.Accepted(source, extension, contentType);
        var max = options.Value.MaxUploadBytes;
        if (declaredLength > max)
        {
            throw TooLarge(max);
        }

        var spoolFolder = options.Value.SpoolPath is { Length: > 0 } path ? path : Path.GetTempPath();
        Directory.CreateDirectory(spoolFolder);
        await using var spool = new FileStream(Path.Combine(spoolFolder, $"cinemastats-upload-{Guid.NewGuid():N}"), FileMode.CreateNew,
            FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        var (size, sha256) = await SpoolAsync(body, spool, max, cancellationToken);
        if (size == 0)
        {
            throw new UploadRejectedException(StatusCodes.Status400BadRequest, "The file is empty",
                $"'{fileName}' has no content. Send the file's bytes as the request body.", "body");
        }
        ContentSniffer.Check(spool, fileName, extension, source);

        var uploadId = UploadId.For(source.Name, sha256);
        return await records.ExclusiveAsync(uploadId, async () =>
        {
            var now = clock.GetUtcNow();
            var existing = await records.GetAsync(uploadId, cancellationToken);
            if (existing is { Record: var found } && !found.IsAbandoned(now))
            {
                if (found.State == UploadRecord.Receiving)
                {
                    throw new UploadRejectedException(StatusCodes.Status409Conflict, "The same file is being uploaded right now",
                        $"An identical '{source.Name}' file is still being received as upload {uploadId}. Check GET /v1/uploads/{uploadId} in a moment.");
                }
                return new UploadOutcome(found, Created: false);
            }

            var rawKey = new RawObjectKey(source.Name, DateOnly.FromDateTime(now.UtcDateTime), uploadId, extension).ToString();
            var record = new UploadRecord(uploadId, source.Name, UploadRecord.Receiving, rawKey, sha256, size, mediaType, fileName, uploader, now, now + ReceivingLease);
            try
            {
                await records.SaveAsync(record, existing?.ETag, createOnly: existing is null, cancellationToken);
            }
            catch (ObjectPreconditionFailedException)
            {
                // Another instance took this upload between our read and our write: it is theirs.
                var winner = await records.GetAsync(uploadId, cancellationToken);
                return new UploadOutcome(winner?.Record ?? record, Created: false);
            }

            try
            {
                spool.Position = 0;
                await store.PutAsync(rawKey, spool, new ObjectWriteOptions
                {
                    ContentType = mediaType,
                    Metadata = new Dictionary<string, string>
                    {
                        [RawObjectMetadata.Sha256] = sha256,
                        [RawObjectMetadata.Source] = source.Name,
                        [RawObjectMetadata.OriginalName] = fileName,
                        [RawObjectMetadata.UploadId] = uploadId,
                        [RawObjectMetadata.Uploader] = uploader,
                    },
                }, cancellationToken);
                record = record with { State = UploadRecord.Stored, ExpiresAt = null };
                await records.SaveAsync(record, replacingETag: null, createOnly: false, cancellationToken);
            }
            catch (Exception e) when (e is ObjectStoreUnavailableException or IOException or OperationCanceledException)
            {
                await AbandonAsync(record);
                throw;
            }
            logger.LogInformation("Stored {Source} upload {UploadId} from {Uploader} ({Size} bytes, sha256 {Sha256}) as {Key}",
                source.Name, uploadId, uploader, size, sha256, rawKey);
            return new UploadOutcome(record, Created: true);
        }, cancellationToken);
    }

    /// <summary>
    /// Best effort: an upload that was not stored must not block an identical retry. The record is
    /// overwritten as abandoned rather than deleted, because the ingest role in AWS may not delete.
    /// </summary>
    private async Task AbandonAsync(UploadRecord record)
    {
        try
        {
            await records.SaveAsync(record with { State = UploadRecord.Abandoned, ExpiresAt = clock.GetUtcNow() }, replacingETag: null, createOnly: false, CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not mark failed upload {UploadId} abandoned; its record lapses after {Lease}", record.UploadId, ReceivingLease);
        }
    }

    private static async Task<(long Size, string Sha256)> SpoolAsync(Stream body, Stream spool, long maxBytes, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long size = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            size += read;
            if (size > maxBytes)
            {
                throw TooLarge(maxBytes);
            }
            hash.AppendData(buffer, 0, read);
            await spool.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
        await spool.FlushAsync(cancellationToken);
        return (size, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private static UploadRejectedException TooLarge(long maxBytes) =>
        new(StatusCodes.Status413PayloadTooLarge, "The file is too large",
            $"Uploads are limited to {maxBytes:N0} bytes. Split the file, or compress it with gzip (.gz).", "body");
}
