using CinemaStats.Core.Storage;
using CinemaStats.Core.Tables;

namespace CinemaStats.Transform.Assets;

/// <summary>
/// One staging Parquet file written a row group at a time to a local file (Parquet needs a
/// seekable stream), then put in the store whole. Only the row group being written is in memory.
/// </summary>
public sealed class StagingFileWriter : IAsyncDisposable
{
    private readonly string _temp;
    private readonly FileStream _file;
    private readonly ParquetTableWriter _writer;
    private bool _closed;

    private StagingFileWriter(string temp, FileStream file, ParquetTableWriter writer)
    {
        _temp = temp;
        _file = file;
        _writer = writer;
    }

    public int RowGroups { get; private set; }

    public long Rows { get; private set; }

    public static async Task<StagingFileWriter> CreateAsync(TableSchema table, CancellationToken cancellationToken)
    {
        var temp = Path.GetTempFileName();
        var file = File.Create(temp);
        try
        {
            return new StagingFileWriter(temp, file, await ParquetTableWriter.CreateAsync(table, file, cancellationToken));
        }
        catch
        {
            await file.DisposeAsync();
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>Appends <paramref name="rows"/> as one row group.</summary>
    public async Task WriteAsync(TableColumns rows, CancellationToken cancellationToken)
    {
        await _writer.WriteRowGroupAsync(rows, cancellationToken);
        RowGroups++;
        Rows += rows.RowCount;
    }

    /// <summary>Finishes the file and puts it in the store under <paramref name="key"/>, with <paramref name="metadata"/> when given.</summary>
    public async Task PublishAsync(IObjectStore store, string key, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? metadata = null)
    {
        await CloseAsync();
        await using var upload = File.OpenRead(_temp);
        await store.PutAsync(key, upload, new ObjectWriteOptions
        {
            ContentType = "application/vnd.apache.parquet",
            Metadata = metadata ?? new Dictionary<string, string>(),
        }, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAsync();
        File.Delete(_temp);
    }

    private async Task CloseAsync()
    {
        if (_closed)
        {
            return;
        }
        _closed = true;
        await _writer.DisposeAsync();
        await _file.DisposeAsync();
    }
}
