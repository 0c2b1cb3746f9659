using System.Buffers;
using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace CinemaStats.Core.Storage;

/// <summary>
/// Objects in one S3 bucket. Uploads stream in parts of <see cref="PartSize"/> bytes: a
/// small object is one PUT, a large one a multipart upload that S3 shows only once completed,
/// so memory stays bounded and nobody reads a half-written object. Keys under <c>raw/</c> may
/// live in a bucket of their own (<paramref name="rawBucket"/>), as they do in AWS.
/// </summary>
public sealed class S3ObjectStore(IAmazonS3 s3, string bucket, int partSize = S3ObjectStore.DefaultPartSize, string? rawBucket = null) : IObjectStore
{
    public const int DefaultPartSize = 8 * 1024 * 1024;
    public const int MinimumPartSize = 5 * 1024 * 1024;

    public string Bucket { get; } = bucket;

    /// <summary>The bucket of <c>raw/</c> keys: its own where configured, else <see cref="Bucket"/>.</summary>
    public string RawBucket { get; } = string.IsNullOrEmpty(rawBucket) ? bucket : rawBucket;

    /// <summary>The bucket that holds <paramref name="keyOrPrefix"/>. A listing of every key ("") covers <see cref="Bucket"/> only.</summary>
    public string BucketFor(string keyOrPrefix) =>
        keyOrPrefix.StartsWith(Layout.RawObjectKey.Root, StringComparison.Ordinal) ? RawBucket : Bucket;

    public int PartSize { get; } = partSize >= MinimumPartSize
        ? partSize
        : throw new ArgumentOutOfRangeException(nameof(partSize), $"S3 parts must be at least {MinimumPartSize} bytes.");

    public async Task<ObjectHead> PutAsync(string key, Stream content, ObjectWriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        ObjectKeyRules.EnsureValidKey(key);
        options ??= new ObjectWriteOptions();
        var buffer = ArrayPool<byte>.Shared.Rent(PartSize);
        try
        {
            var filled = await FillAsync(content, buffer, PartSize, cancellationToken);
            if (filled < PartSize)
            {
                await Guard(() =>
                {
                    var request = new PutObjectRequest
                    {
                        BucketName = BucketFor(key),
                        Key = key,
                        InputStream = new MemoryStream(buffer, 0, filled, writable: false),
                        ContentType = options.ContentType,
                        AutoCloseStream = false,
                        IfNoneMatch = options.CreateOnly ? "*" : null,
                        IfMatch = options.IfMatchETag is { } etag ? $"\"{etag}\"" : null,
                    };
                    AddMetadata(request.Metadata, options.Metadata);
                    return s3.PutObjectAsync(request, cancellationToken);
                }, key);
            }
            else
            {
                await PutMultipartAsync(key, content, options, buffer, filled, cancellationToken);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return await HeadAsync(key, cancellationToken)
            ?? throw new ObjectStoreUnavailableException($"S3 accepted '{key}' but does not show it.");
    }

    private async Task PutMultipartAsync(string key, Stream content, ObjectWriteOptions options, byte[] buffer, int filled, CancellationToken cancellationToken)
    {
        if (options.CreateOnly || options.IfMatchETag is not null)
        {
            throw new NotSupportedException("Conditional writes are for small documents; this one needs a multipart upload.");
        }
        var start = new InitiateMultipartUploadRequest { BucketName = BucketFor(key), Key = key, ContentType = options.ContentType };
        AddMetadata(start.Metadata, options.Metadata);
        var upload = await Guard(() => s3.InitiateMultipartUploadAsync(start, cancellationToken), key);
        var parts = new List<PartETag>();
        try
        {
            var partNumber = 1;
            while (filled > 0)
            {
                var part = await Guard(() => s3.UploadPartAsync(new UploadPartRequest
                {
                    BucketName = BucketFor(key),
                    Key = key,
                    UploadId = upload.UploadId,
                    PartNumber = partNumber,
                    PartSize = filled,
                    InputStream = new MemoryStream(buffer, 0, filled, writable: false),
                }, cancellationToken), key);
                parts.Add(new PartETag(partNumber, part.ETag));
                partNumber++;
                filled = await FillAsync(content, buffer, PartSize, cancellationToken);
            }
            await Guard(() => s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = BucketFor(key),
                Key = key,
                UploadId = upload.UploadId,
                PartETags = parts,
            }, cancellationToken), key);
        }
        catch
        {
            // Abort even when the caller cancelled: an incomplete upload is invisible but billed.
            try
            {
                await s3.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = BucketFor(key), Key = key, UploadId = upload.UploadId }, CancellationToken.None);
            }
            catch (Exception)
            {
                // The bucket's lifecycle rule removes incomplete uploads that could not be aborted.
            }
            throw;
        }
    }

    public async Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken = default)
    {
        ObjectKeyRules.EnsureValidKey(key);
        try
        {
            var response = await Guard(() => s3.GetObjectAsync(BucketFor(key), key, cancellationToken), key);
            return new ResponseOwningStream(response);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            throw new ObjectNotFoundException(key);
        }
    }

    public async Task<ObjectHead?> HeadAsync(string key, CancellationToken cancellationToken = default)
    {
        ObjectKeyRules.EnsureValidKey(key);
        try
        {
            var response = await Guard(() => s3.GetObjectMetadataAsync(BucketFor(key), key, cancellationToken), key);
            return new ObjectHead(
                key,
                response.ContentLength,
                TrimETag(response.ETag),
                ToOffset(response.LastModified),
                response.Headers.ContentType ?? "application/octet-stream",
                ReadMetadata(response.Metadata));
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<ObjectListPage> ListAsync(string prefix, string? continuationToken = null, int pageSize = 1000, CancellationToken cancellationToken = default)
    {
        ObjectKeyRules.EnsureValidPrefix(prefix);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var response = await Guard(() => s3.ListObjectsV2Async(new ListObjectsV2Request
        {
            BucketName = BucketFor(prefix),
            Prefix = prefix,
            ContinuationToken = continuationToken,
            MaxKeys = Math.Min(pageSize, 1000),
        }, cancellationToken), prefix);

        // A listing carries no content type or user metadata; callers that need them ask HeadAsync.
        var objects = (response.S3Objects ?? [])
            .Select(o => new ObjectHead(o.Key, o.Size ?? 0, TrimETag(o.ETag), ToOffset(o.LastModified), "", new Dictionary<string, string>()))
            .ToList();
        return new ObjectListPage(objects, response.IsTruncated == true ? response.NextContinuationToken : null);
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        ObjectKeyRules.EnsureValidKey(key);
        await Guard(() => s3.DeleteObjectAsync(BucketFor(key), key, cancellationToken), key);
    }

    public async Task<ObjectHead> CopyAsync(string sourceKey, string destinationKey, string? sourceETag = null, CancellationToken cancellationToken = default)
    {
        ObjectKeyRules.EnsureValidKey(sourceKey);
        ObjectKeyRules.EnsureValidKey(destinationKey);
        // S3 checks the version atomically (x-amz-copy-source-if-match); the look before also
        // catches a changed source where an emulator ignores that header.
        if (sourceETag is not null && (await HeadAsync(sourceKey, cancellationToken) ?? throw new ObjectNotFoundException(sourceKey)).ETag != sourceETag)
        {
            throw new ObjectPreconditionFailedException(sourceKey, "it changed since it was read");
        }
        try
        {
            await Guard(() => s3.CopyObjectAsync(new CopyObjectRequest
            {
                SourceBucket = BucketFor(sourceKey),
                SourceKey = sourceKey,
                DestinationBucket = BucketFor(destinationKey),
                DestinationKey = destinationKey,
                MetadataDirective = S3MetadataDirective.COPY,
                ETagToMatch = sourceETag is null ? null : $"\"{sourceETag}\"",
            }, cancellationToken), sourceKey);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            throw new ObjectNotFoundException(sourceKey);
        }
        return await HeadAsync(destinationKey, cancellationToken) ?? throw new ObjectNotFoundException(destinationKey);
    }

    /// <summary>
    /// A URL a sender can PUT one object to without credentials of its own. The signature binds
    /// the content type, length, SHA-256 and metadata: S3 refuses a body that differs.
    /// </summary>
    public PresignedUpload PresignPut(string key, string contentType, long size, byte[] sha256, IReadOnlyDictionary<string, string> metadata, TimeSpan expiry)
    {
        ObjectKeyRules.EnsureValidKey(key);
        var request = new GetPreSignedUrlRequest
        {
            BucketName = BucketFor(key),
            Key = key,
            Verb = HttpVerb.PUT,
            Expires = DateTime.UtcNow.Add(expiry),
            ContentType = contentType,
            Protocol = s3.Config.ServiceURL?.StartsWith("http://", StringComparison.OrdinalIgnoreCase) == true ? Protocol.HTTP : Protocol.HTTPS,
        };
        var headers = new Dictionary<string, string>
        {
            ["Content-Type"] = contentType,
            ["Content-Length"] = size.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["x-amz-checksum-sha256"] = Convert.ToBase64String(sha256),
        };
        request.Headers["Content-Length"] = headers["Content-Length"];
        request.Headers["x-amz-checksum-sha256"] = headers["x-amz-checksum-sha256"];
        foreach (var (name, value) in metadata)
        {
            var encoded = Uri.EscapeDataString(value);
            request.Metadata.Add(name, encoded);
            headers[$"x-amz-meta-{name}"] = encoded;
        }
        return new PresignedUpload(s3.GetPreSignedURL(request), headers, new DateTimeOffset(request.Expires.Value, TimeSpan.Zero));
    }

    /// <summary>Creates the bucket when it does not exist (emulators, LocalStack, first run).</summary>
    public async Task EnsureBucketAsync(CancellationToken cancellationToken = default)
    {
        foreach (var name in new[] { Bucket, RawBucket }.Distinct())
        {
            try
            {
                await s3.PutBucketAsync(new PutBucketRequest { BucketName = name }, cancellationToken);
            }
            catch (AmazonS3Exception e) when (e.ErrorCode is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists")
            {
            }
        }
    }

    private static async Task<int> FillAsync(Stream content, byte[] buffer, int count, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < count)
        {
            var read = await content.ReadAsync(buffer.AsMemory(filled, count - filled), cancellationToken);
            if (read == 0)
            {
                break;
            }
            filled += read;
        }
        return filled;
    }

    /// <summary>Network faults and 5xx become <see cref="ObjectStoreUnavailableException"/>, so callers can say "try again".</summary>
    private async Task<T> Guard<T>(Func<Task<T>> call, string key)
    {
        try
        {
            return await call();
        }
        catch (AmazonS3Exception e) when (e.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.Conflict && e.ErrorCode is "PreconditionFailed" or "ConditionalRequestConflict")
        {
            throw new ObjectPreconditionFailedException(key, "its state changed or it already exists");
        }
        catch (AmazonS3Exception e) when ((int)e.StatusCode >= 500)
        {
            throw new ObjectStoreUnavailableException($"S3 bucket '{BucketFor(key)}' answered {(int)e.StatusCode} for '{key}'.", e);
        }
        catch (AmazonServiceException e) when (e.InnerException is HttpRequestException or IOException or TimeoutException)
        {
            throw new ObjectStoreUnavailableException($"S3 bucket '{BucketFor(key)}' could not be reached for '{key}': {e.InnerException.Message}", e);
        }
        catch (HttpRequestException e)
        {
            throw new ObjectStoreUnavailableException($"S3 bucket '{BucketFor(key)}' could not be reached for '{key}': {e.Message}", e);
        }
    }

    // S3 metadata must be ASCII: values are percent-encoded on the way in and decoded on the way out.
    private static void AddMetadata(MetadataCollection target, IReadOnlyDictionary<string, string> metadata)
    {
        foreach (var (name, value) in metadata)
        {
            target.Add(name, Uri.EscapeDataString(value));
        }
    }

    private static Dictionary<string, string> ReadMetadata(MetadataCollection metadata)
    {
        var result = new Dictionary<string, string>();
        foreach (var name in metadata.Keys)
        {
            var bare = name.StartsWith("x-amz-meta-", StringComparison.OrdinalIgnoreCase) ? name["x-amz-meta-".Length..] : name;
            result[bare.ToLowerInvariant()] = Uri.UnescapeDataString(metadata[name]);
        }
        return result;
    }

    private static string TrimETag(string? etag) => (etag ?? "").Trim('"');

    private static DateTimeOffset ToOffset(DateTime? value) =>
        value is { } v ? new DateTimeOffset(v.ToUniversalTime(), TimeSpan.Zero) : DateTimeOffset.MinValue;

    /// <summary>Keeps the GET response alive as long as its body is read.</summary>
    private sealed class ResponseOwningStream(GetObjectResponse response) : Stream
    {
        private readonly Stream _inner = response.ResponseStream;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => response.ContentLength;
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => _inner.ReadAsync(buffer, cancellationToken);
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => _inner.ReadAsync(buffer, offset, count, cancellationToken);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                response.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
