namespace CinemaStats.Core.SampleData;

/// <summary>
/// One generated file, not yet written. Nothing is generated until <see cref="WriteToAsync"/>
/// runs, and then only one cinema-day is held in memory, so a listing of a large data set is cheap.
/// </summary>
public sealed class SampleFile
{
    private readonly Func<Stream, CancellationToken, Task> _write;

    internal SampleFile(string source, string fileName, string contentType, Func<Stream, CancellationToken, Task> write)
    {
        Source = source;
        FileName = fileName;
        ContentType = contentType;
        _write = write;
    }

    /// <summary>The source of <see cref="Sources.SourceCatalog"/>: <c>sessions</c>, <c>pos_transactions</c> or <c>films</c>.</summary>
    public string Source { get; }

    public string FileName { get; }

    /// <summary>The media type to upload it with.</summary>
    public string ContentType { get; }

    /// <summary>Writes the file's bytes; the same file always writes the same bytes. The stream is left open.</summary>
    public Task WriteToAsync(Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        return _write(destination, cancellationToken);
    }

    public override string ToString() => $"{Source}/{FileName}";
}
