using System.Text;
using CinemaStats.Core.Layout;
using CinemaStats.Core.Tables;
using CinemaStats.Transform.Assets;
using CinemaStats.Transform.Engine;
using DuckDB.NET.Data;

namespace CinemaStats.Transform.Tests.Pos;

/// <summary>Raw POS uploads and DuckDB SQL over what a table has published (its partitions' manifests), for tests.</summary>
internal static class PublishedTables
{
    /// <summary>Every asset the worker registers, POS included.</summary>
    public static IEnumerable<Asset> Assets() => PipelineHarness.AllAssets();

    public static async Task<RawObjectKey> PutPosAsync(this PipelineHarness h, string jsonl, string? uploadId = null)
    {
        var raw = new RawObjectKey("pos_transactions", new DateOnly(2026, 3, 8), uploadId ?? Guid.NewGuid().ToString("N"), ".jsonl");
        await h.Store.PutAsync(raw.ToString(), new MemoryStream(Encoding.UTF8.GetBytes(jsonl)), cancellationToken: PipelineHarness.Ct);
        return raw;
    }

    /// <summary>
    /// Runs <paramref name="sql"/> with the view <c>t</c> (also named like the table) over the published files of
    /// <paramref name="table"/> (its partition column from the key of a partitioned table); each row comes back as its columns' text joined by '|'.
    /// </summary>
    public static async Task<List<string>> QueryAsync(this PipelineHarness h, string table, string sql)
    {
        var root = Path.Combine(Path.GetTempPath(), "cinemastats-published-" + Guid.NewGuid().ToString("N"));
        try
        {
            var any = false;
            foreach (var state in await h.States.ListAsync(table, PipelineHarness.Ct))
            {
                foreach (var key in state.Files)
                {
                    var local = Path.Combine(root, key);
                    Directory.CreateDirectory(Path.GetDirectoryName(local)!);
                    await using var source = await h.Store.OpenReadAsync(key, PipelineHarness.Ct);
                    await using var target = File.Create(local);
                    await source.CopyToAsync(target, PipelineHarness.Ct);
                    any = true;
                }
            }
            Assert.True(any, $"{table} has published nothing");
            using var connection = new DuckDBConnection("DataSource=:memory:");
            connection.Open();
            using (var view = connection.CreateCommand())
            {
                var files = $"{Path.Combine(root, CuratedPartitionKey.TablePrefix(table))}**/*.parquet";
                var column = CuratedTables.All.Single(s => s.Name == table).PartitionColumn;
                view.CommandText = column is null
                    ? $"CREATE VIEW {table} AS SELECT * FROM read_parquet('{files}')"
                    : $"CREATE VIEW {table} AS SELECT * FROM read_parquet('{files}', hive_partitioning = true, hive_types = {{'{column}': DATE}})";
                view.ExecuteNonQuery();
                view.CommandText = $"CREATE VIEW t AS SELECT * FROM {table}";
                view.ExecuteNonQuery();
            }
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            var rows = new List<string>();
            while (reader.Read())
            {
                rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
            }
            return rows;
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }
}
