using System.Security.Cryptography;
using CinemaStats.Core.Layout;
using CinemaStats.Core.Sources;
using CinemaStats.Core.Storage;
using Microsoft.Extensions.Options;

namespace CinemaStats.Ingest;

/// <summary>What was stored for one upload.</summary>
public sealed record StoredUpload(string UploadId, string Source, string Key, string Sha256, long Size, string OriginalName);

/// <summary>The upload was refused: the problem, in words a sender can act on.</summary>
public sealed class UploadRejectedException(int statusCode, string title, string detail, string? field = null) : Exception(detail)
{
    public int StatusCode { get; } = statusCode;
    public string Title { get; } = title;
    public string? Field { get; } = field;
}

/// <summary>
/// Stores a request body under <c>raw/</c> exactly as sent. The body is spooled to a local
/// file while it is hashed and counted, so it is checked whole before anything is stored and
/// memory stays flat whatever its size.
/// </summary>
public sealed class RawUploadWriter(IObjectStore store, IOptions<IngestOptions> options, TimeProvider clock, ILogger<RawUploadWriter> logger)
{
    public async Task<StoredUpload> StoreAsync(SourceDefinition source, string fileName, string? contentType, Stream body, CancellationToken cancellationToken)
    {
        var extension = UploadFileName.AcceptedExtension(source, fileName);
        var spoolFolder = options.Value.SpoolPath is { Length: > 0 } path ? path : Path.GetTempPath();
        Directory.CreateDirectory(spoolFolder);
        var spoolPath = Path.Combine(spoolFolder, $"cinemastats-upload-{Guid.NewGuid():N}");
        try
        {
            await using var spool = new FileStream(spoolPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920,
                FileOptions.Asynchronous | FileOptions.DeleteOnClose);
            var (size, sha256) = await SpoolAsync(body, spool, options.Value.MaxUploadBytes, cancellationToken);
            if (size == 0)
            {
                throw new UploadRejectedException(StatusCodes.Status400BadRequest, "The file is empty",
                    $"'{fileName}' has no content. Send the file's bytes as the request body.", "body");
            }

            var uploadId = Guid.CreateVersion7(clock.GetUtcNow()).ToString("N");
            var key = new RawObjectKey(source.Name, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), uploadId, extension);
            spool.Position = 0;
            await store.PutAsync(key.ToString(), spool, new ObjectWriteOptions
            {
                ContentType = string.IsNullOrWhiteSpace(contentType) ? "application/octet-stream" : contentType,
                Metadata = new Dictionary<string, string>
                {
                    [RawObjectMetadata.Sha256] = sha256,
                    [RawObjectMetadata.Source] = source.Name,
                    [RawObjectMetadata.OriginalName] = fileName,
                    [RawObjectMetadata.UploadId] = uploadId,
                },
            }, cancellationToken);
            logger.LogInformation("Stored {Source} upload {UploadId} ({Size} bytes, sha256 {Sha256}) as {Key}", source.Name, uploadId, size, sha256, key);
            return new StoredUpload(uploadId, source.Name, key.ToString(), sha256, size, fileName);
        }
        finally
        {
            File.Delete(spoolPath);
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
                throw new UploadRejectedException(StatusCodes.Status413PayloadTooLarge, "The file is too large",
                    $"Uploads are limited to {maxBytes:N0} bytes. Split the file, or ask for a presigned URL to upload straight to storage.", "body");
            }
            hash.AppendData(buffer, 0, read);
            await spool.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
        await spool.FlushAsync(cancellationToken);
        return (size, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}
