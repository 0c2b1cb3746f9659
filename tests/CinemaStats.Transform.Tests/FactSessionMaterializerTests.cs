using CinemaStats.Transform.Pipeline;
using System.IO.Compression;
using System.Text;
using CinemaStats.Core.Layout;
using CinemaStats.Core.Storage;
using CinemaStats.TestSupport;
using CinemaStats.Core.Pipeline;
using CinemaStats.Transform.Sessions;
using DuckDB.NET.Data;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CinemaStats.Transform.Tests;

public sealed class FactSessionMaterializerTests(S3Emulator emulator) : IDisposable
{
    private const string Csv = """
        session_id,cinema_id,screen_id,capacity,film_title_raw,showtime_local,cinema_tz,currency
        S1,C1,1,100,Dune,2026-03-06 19:30,Europe/London,GBP
        S2,C1,2,80,Dune,2026-03-07 01:15,Europe/London,GBP
        S3,C1,1,,Avatar,2026-03-07 14:00,Europe/London,GBP
        S4,C1,1,50,Avatar,tomorrow,Europe/London,GBP
        """;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "cinemastats-transform-" + Guid.NewGuid().ToString("N"));
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_row_comes_out_once_per_business_date_or_in_quarantine()
    {
        var store = new FileSystemObjectStore(_root);
        var raw = await PutRawAsync(store, Csv, gzip: false);

        var status = await new FactSessionMaterializer(store, TimeProvider.System).MaterializeAsync(raw, Ct);

        Assert.Equal(4, status.RowsIn);
        Assert.Equal(3, status.RowsOut);
        Assert.Equal(1, status.RowsQuarantined);
        Assert.Equal(status.RowsIn, status.RowsOut + status.RowsQuarantined);
        var hash = FactSessionMaterializer.InputHash(raw);
        Assert.Equal(
            [CuratedPartitionKey.Part("fact_session", new(2026, 3, 6), hash), CuratedPartitionKey.Part("fact_session", new(2026, 3, 7), hash)],
            status.Outputs);

        var byDate = QueryLocal(_root, "SELECT CAST(business_date AS VARCHAR), COUNT(*), CAST(SUM(capacity) AS BIGINT) FROM fact_session GROUP BY 1 ORDER BY 1");
        Assert.Equal(["2026-03-06", 2L, 180L], byDate[0]);
        Assert.Equal(["2026-03-07", 1L, null], byDate[1]);

        var quarantine = await store.ReadTextAsync(PipelineKey.Quarantine(raw), Ct);
        Assert.Contains("\"line\":5", quarantine);
        Assert.Contains("\"field\":\"showtime_local\"", quarantine);
    }

    [Fact]
    public async Task Processing_the_same_input_again_replaces_its_files_instead_of_adding_rows()
    {
        var store = new FileSystemObjectStore(_root);
        var raw = await PutRawAsync(store, Csv, gzip: true);
        var materializer = new FactSessionMaterializer(store, TimeProvider.System);

        var first = await materializer.MaterializeAsync(raw, Ct);
        var second = await materializer.MaterializeAsync(raw, Ct);

        Assert.Equal(first.Outputs, second.Outputs);
        Assert.Equal(3L, QueryLocal(_root, "SELECT COUNT(*) FROM fact_session")[0][0]);
    }

    [Fact]
    public async Task The_reconciler_processes_each_new_raw_object_once_on_the_S3_emulator()
    {
        var store = await emulator.CreateStoreAsync();
        var ledger = new RawObjectLedger(store);
        var reconciler = new RawObjectReconciler(store, ledger, new FactSessionMaterializer(store, TimeProvider.System),
            Options.Create(new TransformOptions()), TimeProvider.System, NullLogger<RawObjectReconciler>.Instance);

        var a = await PutRawAsync(store, Csv, gzip: false);
        var b = await PutRawAsync(store, "session_id,cinema_id\nS9,C9\n", gzip: false);

        Assert.Equal(2, await reconciler.ReconcileOnceAsync(Ct));
        Assert.Equal(0, await reconciler.ReconcileOnceAsync(Ct));

        var processed = await ledger.GetAsync(a, Ct);
        Assert.Equal(RawObjectStatus.Processed, processed!.Status);
        Assert.Equal(3, processed.RowsOut);
        var failed = await ledger.GetAsync(b, Ct);
        Assert.Equal(RawObjectStatus.Failed, failed!.Status);
        Assert.Contains("showtime_local", failed.Error);
        Assert.NotNull(await store.HeadAsync(processed.Outputs[0], Ct));
    }

    private static async Task<RawObjectKey> PutRawAsync(IObjectStore store, string csv, bool gzip)
    {
        var raw = new RawObjectKey("sessions", new DateOnly(2026, 3, 8), Guid.NewGuid().ToString("N"), gzip ? ".csv.gz" : ".csv");
        var bytes = Encoding.UTF8.GetBytes(csv);
        if (gzip)
        {
            using var compressed = new MemoryStream();
            await using (var zip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            {
                await zip.WriteAsync(bytes, Ct);
            }
            bytes = compressed.ToArray();
        }
        await store.PutAsync(raw.ToString(), new MemoryStream(bytes), cancellationToken: Ct);
        return raw;
    }

    private static List<object?[]> QueryLocal(string root, string sql)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"CREATE VIEW fact_session AS SELECT * FROM read_parquet('{root}/curated/fact_session/*/*.parquet', hive_partitioning = true)";
        command.ExecuteNonQuery();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }
            rows.Add(row);
        }
        return rows;
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
