namespace CinemaStats.Core.Storage;

/// <summary>
/// The one storage abstraction every service uses: S3 in AWS and against emulators,
/// a local folder when nothing else runs. Keys follow <see cref="Layout.ObjectKeys"/>.
/// </summary>
public interface IObjectStore
{
    /// <summary>
    /// Streams <paramref name="content"/> to <paramref name="key"/>. Readers see either the
    /// previous object or the complete new one, never a partial write.
    /// </summary>
    Task<ObjectHead> PutAsync(string key, Stream content, ObjectWriteOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Opens the object for reading; throws <see cref="ObjectNotFoundException"/> when it does not exist.</summary>
    Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Size, ETag, content type and metadata of the object, or null when it does not exist.</summary>
    Task<ObjectHead?> HeadAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>One page of the objects whose keys start with <paramref name="prefix"/>, in ordinal key order.</summary>
    Task<ObjectListPage> ListAsync(string prefix, string? continuationToken = null, int pageSize = 1000, CancellationToken cancellationToken = default);

    /// <summary>Deletes the object; deleting a missing object is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Copies an object with its content type and metadata; with <paramref name="sourceETag"/>, only
    /// while the source is still that version (else <see cref="ObjectPreconditionFailedException"/>).
    /// </summary>
    Task<ObjectHead> CopyAsync(string sourceKey, string destinationKey, string? sourceETag = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Where the object can be read in place as a local file, or null when the store keeps it
    /// elsewhere (then read it through <see cref="OpenReadAsync"/>). A capability, not a type test.
    /// </summary>
    string? LocalPathOf(string key) => null;
}
