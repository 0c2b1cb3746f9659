using System.Globalization;
using System.Text.Json;
using CinemaStats.Core.Layout;
using CinemaStats.Core.Pipeline;
using CinemaStats.Core.SampleData;
using CinemaStats.Core.Storage;
using CinemaStats.Transform.Engine;

namespace CinemaStats.Transform.Tests.Pos;

/// <summary>
/// Dirty generated data through the engine, checked against a computation straight from the raw
/// lines that shares no code with the parser.
/// </summary>
public sealed class GeneratedPosDataTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "cinemastats-generated-" + Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => PipelineHarness.Ct;

    [Fact]
    public async Task Every_line_is_accounted_for_and_adm_and_GBO_per_date_match_the_raw_lines()
    {
        var h = new PipelineHarness(new FileSystemObjectStore(_root), PublishedTables.Assets());
        // The first seed whose data set re-sends a POS file, so de-duplication is exercised too (listing is cheap).
        var options = Enumerable.Range(1, 500)
            .Select(seed => new SampleDataOptions { Cinemas = 2, Days = 3, DirtRate = 0.05, Seed = seed })
            .First(o => SampleDataGenerator.Files(o).Any(f => f.FileName.EndsWith("_resent.jsonl", StringComparison.Ordinal)));
        var posFiles = new List<(RawObjectKey Key, string Text)>();
        var uploads = 0;
        foreach (var file in SampleDataGenerator.Files(options).Where(f => f.Source is "sessions" or "pos_transactions"))
        {
            using var buffer = new MemoryStream();
            await file.WriteToAsync(buffer, Ct);
            var key = new RawObjectKey(file.Source, options.StartDate, $"u{++uploads:000}", Path.GetExtension(file.FileName));
            buffer.Position = 0;
            await h.Store.PutAsync(key.ToString(), buffer, cancellationToken: Ct);
            if (file.Source == "pos_transactions")
            {
                posFiles.Add((key, System.Text.Encoding.UTF8.GetString(buffer.ToArray())));
            }
        }

        var run = await h.ReconcileAsync();
        Assert.True(run!.Status == RunRecord.Succeeded, string.Join("\n", run.Log?.Lines ?? []));

        foreach (var (key, text) in posFiles)
        {
            var ledger = await h.Ledger.GetAsync(key, Ct);
            Assert.Equal(RawObjectStatus.Processed, ledger!.Status);
            Assert.Equal(text.Split('\n').Count(l => l.Trim().Length > 0), ledger.RowsIn);
            Assert.Equal(ledger.RowsIn, ledger.RowsOut + ledger.RowsQuarantined);
        }

        var expected = Expected(posFiles.Select(f => f.Text));
        var fromLines = await h.QueryAsync("fact_ticket_line", """
            SELECT CAST(business_date AS VARCHAR), SUM(quantity), SUM(amount_minor)
            FROM t WHERE line_type = 'TICKET' AND NOT is_void GROUP BY 1 ORDER BY 1
            """);
        Assert.Equal(expected.Select(e => $"{e.Key}|{e.Value.Adm}|{e.Value.Gbo}"), fromLines);
        var fromSessions = await h.QueryAsync("fact_session", "SELECT CAST(business_date AS VARCHAR), SUM(adm), SUM(gbo_minor) FROM t GROUP BY 1 ORDER BY 1");
        Assert.Equal(expected.Select(e => $"{e.Key}|{e.Value.SessionAdm}|{e.Value.SessionGbo}"), fromSessions);
        Assert.Equal(options.Days, expected.Count);
        Assert.Contains(expected.Values, e => e.Adm != e.SessionAdm); // the dirt left some ticket lines without a session
    }

    /// <summary>
    /// Per business date from the raw lines: ticket admissions and amounts of non-void lines, once
    /// per (transaction_id, line_no), in total and for lines that name a session.
    /// </summary>
    private static SortedDictionary<string, (long Adm, long Gbo, long SessionAdm, long SessionGbo)> Expected(IEnumerable<string> files)
    {
        var seen = new HashSet<(string, string)>();
        var totals = new SortedDictionary<string, (long Adm, long Gbo, long SessionAdm, long SessionGbo)>(StringComparer.Ordinal);
        foreach (var line in files.SelectMany(f => f.Split('\n')).Select(l => l.Trim().TrimStart('\uFEFF')).Where(l => l.Length > 0))
        {
            using var json = JsonDocument.Parse(line);
            var row = json.RootElement;
            if (!seen.Add((row.GetProperty("transaction_id").GetString()!, Text(row.GetProperty("line_no")))))
            {
                continue;
            }
            if (!string.Equals(row.GetProperty("line_type").GetString(), "TICKET", StringComparison.OrdinalIgnoreCase)
                || string.Equals(row.GetProperty("status").GetString(), "VOID", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var quantity = Number(row.GetProperty("quantity"));
            var amount = (long)Math.Round((quantity * Number(row.GetProperty("unit_price")) - Number(row.GetProperty("discount"))) * 100m, MidpointRounding.AwayFromZero);
            var hasSession = row.TryGetProperty("session_id", out var session) && session.ValueKind == JsonValueKind.String;
            var date = row.GetProperty("business_date").GetString()!;
            var (adm, gbo, sessionAdm, sessionGbo) = totals.GetValueOrDefault(date);
            totals[date] = (adm + (long)quantity, gbo + amount, sessionAdm + (hasSession ? (long)quantity : 0), sessionGbo + (hasSession ? amount : 0));
        }
        return totals;
    }

    private static string Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();

    private static decimal Number(JsonElement value) =>
        decimal.Parse(Text(value).Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture);

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
