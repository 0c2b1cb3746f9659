using System.Globalization;
using System.Security.Cryptography;
using CinemaStats.Core.Layout;
using CinemaStats.Core.Storage;
using CinemaStats.Core.Tables;

namespace CinemaStats.Core.Pipeline;

/// <summary>
/// Publishes prepared rows of a curated table the way the transform does — the Parquet file under
/// its curated key first, then the partition state naming it (with a new data version), then the
/// partition's older files are removed — for test data sets and benchmarks that need published
/// tables without running the pipeline.
/// </summary>
public sealed class PartitionPublisher(IObjectStore store, TimeProvider clock)
{
    /// <summary>The partition name of an unpartitioned table's state (as the transform names it).</summary>
    public const string Unpartitioned = "all";

    private readonly AssetPartitionStates _states = new(store);

    /// <summary>Publishes <paramref name="rows"/> as the whole of one partition (by its partition column's value: a business date, a film week's Friday) or of an unpartitioned table (null).</summary>
    public async Task<AssetPartitionState> PublishAsync(TableColumns rows, DateOnly? businessDate, CancellationToken cancellationToken = default)
    {
        var table = rows.Table;
        if ((table.PartitionColumn is null) != (businessDate is null))
        {
            throw new ArgumentException($"{table.Name} is {(table.PartitionColumn is null ? "unpartitioned" : "partitioned by " + table.PartitionColumn)}.", nameof(businessDate));
        }
        using var file = new MemoryStream();
        await using (var writer = await ParquetTableWriter.CreateAsync(table, file, cancellationToken))
        {
            await writer.WriteRowGroupAsync(rows, cancellationToken);
        }
        var bytes = file.ToArray();
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var key = businessDate is { } date ? CuratedPartitionKey.Part(table.Name, table.PartitionColumn!, date, hash[..32]) : CuratedPartitionKey.Part(table.Name, hash[..32]);
        using (var body = new MemoryStream(bytes))
        {
            await store.PutAsync(key, body, new ObjectWriteOptions { ContentType = "application/vnd.apache.parquet" }, cancellationToken);
        }

        var partition = businessDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? Unpartitioned;
        var current = await _states.GetAsync(table.Name, partition, cancellationToken);
        var state = new AssetPartitionState(table.Name, partition, AssetPartitionState.Materialized, hash[..16], [key], [new InputVersion("published-directly", hash[..16])], hash,
            rows.RowCount, rows.RowCount, 0, bytes.Length, 0, "", [], null, "published", clock.GetUtcNow());
        await _states.SaveAsync(state, current?.ETag, cancellationToken);
        foreach (var old in current?.State.Files.Where(f => f != key) ?? [])
        {
            await store.DeleteAsync(old, cancellationToken);
        }
        return state;
    }
}
