using CinemaStats.Core.Storage;
using CinemaStats.Core.Tables;

namespace CinemaStats.Transform.Assets;

/// <summary>Writes and reads the Parquet files assets keep in <c>_pipeline/staging/</c>.</summary>
public static class StagingFiles
{
    public static async Task WriteAsync(IObjectStore store, string key, TableColumns rows, CancellationToken cancellationToken)
    {
        // Parquet needs a seekable stream: write a local file, then stream it to the store.
        var temp = Path.GetTempFileName();
        try
        {
            await using (var file = File.Create(temp))
            await using (var writer = await ParquetTableWriter.CreateAsync(rows.Table, file, cancellationToken))
            {
                await writer.WriteRowGroupAsync(rows, cancellationToken);
            }
            await using var upload = File.OpenRead(temp);
            await store.PutAsync(key, upload, new ObjectWriteOptions { ContentType = "application/vnd.apache.parquet" }, cancellationToken);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public static async IAsyncEnumerable<TableColumns> ReadAsync(
        IObjectStore store, string key, TableSchema table, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The Parquet reader needs to seek: copy the object to a local file first.
        var temp = Path.GetTempFileName();
        try
        {
            await using (var source = await store.OpenReadAsync(key, cancellationToken))
            await using (var file = File.Create(temp))
            {
                await source.CopyToAsync(file, cancellationToken);
            }
            await using var input = File.OpenRead(temp);
            await foreach (var rows in ParquetTableReader.ReadRowGroupsAsync(table, input, cancellationToken))
            {
                yield return rows;
            }
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
