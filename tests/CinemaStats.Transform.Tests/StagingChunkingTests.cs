using System.Text;
using System.Text.Json;
using CinemaStats.Core.Layout;
using CinemaStats.Core.Storage;
using CinemaStats.Core.Tables;
using CinemaStats.Transform.Assets;
using CinemaStats.Transform.Tests.Pos;

namespace CinemaStats.Transform.Tests;

/// <summary>
/// Staging writes a raw file in bounded row groups instead of holding it whole: a file larger than
/// the chunk gives several row groups per business date, and exactly the rows of the file.
/// </summary>
public sealed class StagingChunkingTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "cinemastats-chunks-" + Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => PipelineHarness.Ct;

    [Fact]
    public async Task A_POS_file_over_three_dates_is_staged_in_row_groups_of_at_most_the_chunk_with_every_line_kept_once()
    {
        var chunking = new StagingChunking(RowsPerGroup: 300, MaxBufferedRows: 500);
        var h = new PipelineHarness(new FileSystemObjectStore(_root),
            [new StgSessionsAsset(), new StgPosTransactionsAsset { Chunking = chunking }, new FactTicketLineAsset(), new FactSessionAsset(), new StgFilmsAsset(), new DimFilmAsset()]);
        var dates = new[] { new DateOnly(2026, 3, 6), new DateOnly(2026, 3, 7), new DateOnly(2026, 3, 8) };
        var text = new StringBuilder();
        var expected = dates.ToDictionary(d => d, _ => new List<string>());
        var bad = 0;
        for (var line = 1; line <= 2000; line++)
        {
            if (line % 250 == 0)
            {
                text.Append("{not json\n");
                bad++;
                continue;
            }
            var date = dates[line % 3];
            text.Append(PosLine($"T{line}", date)).Append('\n');
            expected[date].Add($"T{line}|1|{line}");
        }
        var raw = await h.PutPosAsync(text.ToString());

        await h.ReconcileAsync();

        var ledger = (await h.Ledger.GetAsync(raw, Ct))!;
        Assert.Equal((2000L, 2000L - bad, (long)bad), (ledger.RowsIn, ledger.RowsOut, ledger.RowsQuarantined));
        foreach (var date in dates)
        {
            var groups = await RowGroupsAsync(h, PipelineKey.Staging(StagingTables.StgPosTransactions.Name, date, raw.UploadId), StagingTables.StgPosTransactions);
            Assert.True(groups.Count > 1, $"{date}: {groups.Count} row group(s) for {expected[date].Count} rows");
            Assert.All(groups, g => Assert.InRange(g.RowCount, 1, chunking.RowsPerGroup));
            var staged = groups.SelectMany(g => Enumerable.Range(0, g.RowCount).Select(i =>
                $"{g.Get<string?>("transaction_id")[i]}|{g.Get<int?>("line_no")[i]}|{g.Get<long?>("source_line")[i]}"));
            Assert.Equal(expected[date].Order(StringComparer.Ordinal), staged.Order(StringComparer.Ordinal));
        }
        Assert.Equal(dates.Select(d => $"{d:yyyy-MM-dd}|{expected[d].Count}"),
            await h.QueryAsync("fact_ticket_line", "SELECT strftime(business_date, '%Y-%m-%d'), COUNT(*) FROM t GROUP BY 1 ORDER BY 1"));
        var quarantined = (await h.Store.ReadTextAsync(PipelineKey.Quarantine(raw.UploadId), Ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Enumerable.Range(1, bad).Select(i => (long)i * 250), quarantined.Select(q => JsonDocument.Parse(q).RootElement.GetProperty("line").GetInt64()));
    }

    [Fact]
    public async Task A_sessions_file_of_one_date_larger_than_the_chunk_gives_full_row_groups_and_the_same_sessions()
    {
        var chunking = new StagingChunking(RowsPerGroup: 128, MaxBufferedRows: 1024);
        var h = new PipelineHarness(new FileSystemObjectStore(_root), [new StgSessionsAsset { Chunking = chunking }]);
        var csv = new StringBuilder("session_id,cinema_id,screen_id,capacity,film_title_raw,showtime_local,cinema_tz,currency\n");
        for (var i = 0; i < 1000; i++)
        {
            csv.Append($"S{i},C1,{i % 9},120,Dune,2026-03-06 {10 + i % 12}:{i % 4 * 15:D2},Europe/London,gbp\n");
        }
        var raw = await h.PutSessionsAsync(csv.ToString());

        await h.ReconcileAsync();

        var groups = await RowGroupsAsync(h, PipelineKey.Staging(StagingTables.StgSessions.Name, new DateOnly(2026, 3, 6), raw.UploadId), StagingTables.StgSessions);
        Assert.Equal([128, 128, 128, 128, 128, 128, 128, 104], groups.Select(g => g.RowCount));
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => $"S{i}").Order(StringComparer.Ordinal),
            groups.SelectMany(g => g.Get<string?>("session_id")).Order(StringComparer.Ordinal));
        Assert.All(groups, g => Assert.All(g.Get<string?>("currency"), c => Assert.Equal("GBP", c)));
    }

    private static async Task<List<TableColumns>> RowGroupsAsync(PipelineHarness h, string key, TableSchema table)
    {
        var groups = new List<TableColumns>();
        await foreach (var group in StagingFiles.ReadAsync(h.Store, key, table, Ct))
        {
            groups.Add(group);
        }
        return groups;
    }

    private static string PosLine(string transaction, DateOnly date) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["transaction_id"] = transaction, ["line_no"] = 1, ["cinema_id"] = "C1", ["terminal_id"] = "C1-BO1", ["channel"] = "POS",
        ["transaction_ts"] = $"{date:yyyy-MM-dd}T18:00:00Z", ["business_date"] = $"{date:yyyy-MM-dd}", ["line_type"] = "CONCESSION",
        ["sku"] = "POPCORN-M", ["quantity"] = 1, ["unit_price"] = "5.95", ["discount"] = "0.00", ["tax"] = "0.99", ["currency"] = "GBP",
        ["status"] = "COMPLETED",
    });

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
