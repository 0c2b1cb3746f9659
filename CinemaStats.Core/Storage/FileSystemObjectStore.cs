using System.IO.Hashing;
using System.Text.Json;

namespace CinemaStats.Core.Storage;

/// <summary>
/// Objects as files under a root folder, in the same key layout as S3. A write goes to a
/// temporary file under <c>.tmp/</c> and is renamed into place, so readers never see half a file.
/// Content type and metadata live in a JSON sidecar under <c>.meta/</c>.
/// </summary>
public sealed class FileSystemObjectStore : IObjectStore
{
    private const string TempFolder = ".tmp";
    private const string MetaFolder = ".meta";
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private readonly string _root;

    // Conditional writes are checked under one lock per store instance. Across processes
    // CreateOnly still holds (the final move refuses to replace a file); IfMatch does not.
    private readonly SemaphoreSlim _conditionalWrites = new(1, 1);

    public FileSystemObjectStore(string rootPath)
    {
        _root = Path.GetFullPath(rootPath);
        Directory.CreateDirectory(Path.Combine(_root, TempFolder));
    }

    /// <summary>The folder that holds the objects; DuckDB reads Parquet here in place.</summary>
    public string RootPath => _root;

    /// <summary>The file that holds <paramref name="key"/>.</summary>
    public string PathOf(string key)
    {
        ObjectKeyRules.EnsureValidKey(key);
        return Path.Combine(_root, key.Replace('/', Path.DirectorySeparatorChar));
    }

    public string? LocalPathOf(string key) => PathOf(key);

    public async Task<ObjectHead> PutAsync(string key, Stream content, ObjectWriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ObjectWriteOptions();
        var destination = PathOf(key);
        var tempData = Path.Combine(_root, TempFolder, Guid.NewGuid().ToString("N"));
        var tempMeta = tempData + ".meta";
        try
        {
            string etag;
            await using (var file = new FileStream(tempData, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                // The ETag is a hash of the content, so rewriting the same bytes keeps it (and
                // what was built from it stays up to date). A fast non-cryptographic hash: it
                // tells versions apart, it is no integrity check against tampering.
                var hash = new XxHash128();
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    hash.Append(buffer.AsSpan(0, read));
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
                await file.FlushAsync(cancellationToken);
                etag = Convert.ToHexStringLower(hash.GetCurrentHash());
            }

            var sidecar = new Sidecar(options.ContentType, etag, new Dictionary<string, string>(options.Metadata));
            await File.WriteAllTextAsync(tempMeta, JsonSerializer.Serialize(sidecar, JsonOptions), cancellationToken);

            var conditional = options.CreateOnly || options.IfMatchETag is not null;
            if (conditional)
            {
                await _conditionalWrites.WaitAsync(cancellationToken);
            }
            try
            {
                if (conditional)
                {
                    await EnsureConditionAsync(key, options, cancellationToken);
                }
                // Size and time of what was written, taken before the rename: another writer may
                // replace or delete the key as soon as it is visible.
                var written = new FileInfo(tempData);
                written.Refresh();
                var metaPath = MetaPathOf(key);
                Directory.CreateDirectory(Path.GetDirectoryName(metaPath)!);
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                if (options.CreateOnly)
                {
                    // The data move is the atomic create: it refuses to replace a file, even one
                    // another process just wrote. Only the winner writes the metadata.
                    try
                    {
                        File.Move(tempData, destination, overwrite: false);
                    }
                    catch (IOException) when (File.Exists(destination))
                    {
                        throw new ObjectPreconditionFailedException(key, "an object already exists");
                    }
                    File.Move(tempMeta, metaPath, overwrite: true);
                }
                else
                {
                    // Metadata first, then the data: the object becomes visible only with the data rename.
                    File.Move(tempMeta, metaPath, overwrite: true);
                    File.Move(tempData, destination, overwrite: true);
                }
                return ToHead(key, written, sidecar);
            }
            finally
            {
                if (conditional)
                {
                    _conditionalWrites.Release();
                }
            }
        }
        finally
        {
            File.Delete(tempData);
            File.Delete(tempMeta);
        }
    }

    private async Task EnsureConditionAsync(string key, ObjectWriteOptions options, CancellationToken cancellationToken)
    {
        var current = await HeadAsync(key, cancellationToken);
        if (options.CreateOnly && current is not null)
        {
            throw new ObjectPreconditionFailedException(key, "an object already exists");
        }
        if (options.IfMatchETag is { } etag && current?.ETag != etag)
        {
            throw new ObjectPreconditionFailedException(key, current is null ? "it no longer exists" : "it changed since it was read");
        }
    }

    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        try
        {
            Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
            return Task.FromResult(stream);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ObjectNotFoundException(key);
        }
    }

    public async Task<ObjectHead?> HeadAsync(string key, CancellationToken cancellationToken = default)
    {
        var info = new FileInfo(PathOf(key));
        if (!info.Exists)
        {
            return null;
        }
        return ToHead(key, info, await ReadSidecarAsync(key, info, cancellationToken));
    }

    public async Task<ObjectListPage> ListAsync(string prefix, string? continuationToken = null, int pageSize = 1000, CancellationToken cancellationToken = default)
    {
        ObjectKeyRules.EnsureValidPrefix(prefix);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);

        // Only the folder named by the prefix's complete segments can hold matches.
        var folderPart = prefix.Contains('/') ? prefix[..prefix.LastIndexOf('/')] : "";
        var folder = Path.Combine(_root, folderPart.Replace('/', Path.DirectorySeparatorChar));
        if (!Directory.Exists(folder))
        {
            return new ObjectListPage([], null);
        }

        var keys = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(_root, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(key => key.StartsWith(prefix, StringComparison.Ordinal) && !IsInternal(key))
            .Where(key => continuationToken is null || string.CompareOrdinal(key, continuationToken) > 0)
            .Order(StringComparer.Ordinal)
            .Take(pageSize + 1)
            .ToList();

        var objects = new List<ObjectHead>(Math.Min(keys.Count, pageSize));
        foreach (var key in keys.Take(pageSize))
        {
            var info = new FileInfo(PathOf(key));
            if (info.Exists)
            {
                objects.Add(ToHead(key, info, await ReadSidecarAsync(key, info, cancellationToken)));
            }
        }
        var next = keys.Count > pageSize ? keys[pageSize - 1] : null;
        return new ObjectListPage(objects, next);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        File.Delete(PathOf(key));
        File.Delete(MetaPathOf(key));
        return Task.CompletedTask;
    }

    public async Task<ObjectHead> CopyAsync(string sourceKey, string destinationKey, string? sourceETag = null, CancellationToken cancellationToken = default)
    {
        var head = await HeadAsync(sourceKey, cancellationToken) ?? throw new ObjectNotFoundException(sourceKey);
        if (sourceETag is not null && head.ETag != sourceETag)
        {
            throw new ObjectPreconditionFailedException(sourceKey, "it changed since it was read");
        }
        ObjectHead copy;
        await using (var source = await OpenReadAsync(sourceKey, cancellationToken))
        {
            copy = await PutAsync(destinationKey, source, new ObjectWriteOptions { ContentType = head.ContentType, Metadata = head.Metadata }, cancellationToken);
        }
        // The ETag is the content's hash: a copy with another ETag copied another version.
        if (sourceETag is not null && copy.ETag != sourceETag)
        {
            await DeleteAsync(destinationKey, cancellationToken);
            throw new ObjectPreconditionFailedException(sourceKey, "it changed while it was copied");
        }
        return copy;
    }

    private static bool IsInternal(string key) =>
        key.StartsWith(TempFolder + "/", StringComparison.Ordinal) || key.StartsWith(MetaFolder + "/", StringComparison.Ordinal);

    private string MetaPathOf(string key) =>
        Path.Combine(_root, MetaFolder, key.Replace('/', Path.DirectorySeparatorChar) + ".json");

    private async Task<Sidecar> ReadSidecarAsync(string key, FileInfo info, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = File.OpenRead(MetaPathOf(key));
            var sidecar = await JsonSerializer.DeserializeAsync<Sidecar>(stream, JsonOptions, cancellationToken);
            if (sidecar is not null)
            {
                return sidecar;
            }
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or JsonException)
        {
            // A file placed by hand has no sidecar: describe it from the file itself.
        }
        return new Sidecar("application/octet-stream", $"{info.Length:x}-{info.LastWriteTimeUtc.Ticks:x}", new Dictionary<string, string>());
    }

    private static ObjectHead ToHead(string key, FileInfo info, Sidecar sidecar) =>
        new(key, info.Length, sidecar.ETag, new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero), sidecar.ContentType, sidecar.Metadata);

    private sealed record Sidecar(string ContentType, string ETag, Dictionary<string, string> Metadata);
}
