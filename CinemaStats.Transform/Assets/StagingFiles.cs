using CinemaStats.Core.Storage;
using CinemaStats.Core.Tables;

namespace CinemaStats.Transform.Assets;

/// <summary>Writes and reads the Parquet files assets keep in <c>_pipeline/staging/</c>.</summary>
public static class StagingFiles
{
    /// <summary>Writes <paramref name="rows"/> as one file of one row group.</summary>
    public static async Task WriteAsync(IObjectStore store, string key, TableColumns rows, CancellationToken cancellationToken)
    {
        await using var writer = await StagingFileWriter.CreateAsync(rows.Table, cancellationToken);
        await writer.WriteAsync(rows, cancellationToken);
        await writer.PublishAsync(store, key, cancellationToken);
    }

    /// <param name="fileLayout">When given, the file must hold exactly these columns in this order (see <see cref="ParquetTableReader"/>).</param>
    public static async IAsyncEnumerable<TableColumns> ReadAsync(
        IObjectStore store, string key, TableSchema table, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken, TableSchema? fileLayout = null)
    {
        await using var source = await store.OpenReadAsync(key, cancellationToken);
        if (source.CanSeek)
        {
            // A local store's file: read in place.
            await foreach (var rows in ParquetTableReader.ReadRowGroupsAsync(table, source, cancellationToken, fileLayout))
            {
                yield return rows;
            }
            yield break;
        }
        // The Parquet reader needs to seek: copy the object to a local file first.
        var temp = Path.GetTempFileName();
        try
        {
            await using (var file = File.Create(temp))
            {
                await source.CopyToAsync(file, cancellationToken);
            }
            await using var input = File.OpenRead(temp);
            await foreach (var rows in ParquetTableReader.ReadRowGroupsAsync(table, input, cancellationToken, fileLayout))
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
