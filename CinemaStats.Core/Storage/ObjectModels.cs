namespace CinemaStats.Core.Storage;

/// <summary>What a store knows about one object.</summary>
public sealed record ObjectHead(
    string Key,
    long Size,
    string ETag,
    DateTimeOffset LastModified,
    string ContentType,
    IReadOnlyDictionary<string, string> Metadata);

/// <summary>Optional settings of a write.</summary>
public sealed record ObjectWriteOptions
{
    public string ContentType { get; init; } = "application/octet-stream";

    /// <summary>User metadata. Names are lower-case ASCII; values are any text.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>Write only if no object exists under the key (S3 <c>If-None-Match: *</c>).</summary>
    public bool CreateOnly { get; init; }

    /// <summary>Write only if the current object has this ETag (S3 <c>If-Match</c>): no lost update.</summary>
    public string? IfMatchETag { get; init; }
}

/// <summary>One page of a listing; <see cref="ContinuationToken"/> is null on the last page.</summary>
public sealed record ObjectListPage(IReadOnlyList<ObjectHead> Objects, string? ContinuationToken);

public sealed class ObjectNotFoundException(string key)
    : Exception($"No object is stored under '{key}'.")
{
    public string Key { get; } = key;
}

/// <summary>A conditional write found the object in another state than the condition required.</summary>
public sealed class ObjectPreconditionFailedException(string key, string condition)
    : Exception($"The object '{key}' was not written: {condition}.")
{
    public string Key { get; } = key;
}

/// <summary>The store could not be reached or refused the request for a reason that may pass.</summary>
public sealed class ObjectStoreUnavailableException(string message, Exception? inner = null)
    : Exception(message, inner);

/// <summary>Where and how to PUT one object directly: every header listed must be sent as given.</summary>
public sealed record PresignedUpload(string Url, IReadOnlyDictionary<string, string> Headers, DateTimeOffset ExpiresAt);
