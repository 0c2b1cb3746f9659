using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CinemaStats.Core.Layout;
using CinemaStats.Core.SampleData;
using CinemaStats.Core.Storage;
using CinemaStats.Transform.Engine;
using CinemaStats.TestSupport;
using CinemaStats.Transform.Tests.Pos;

namespace CinemaStats.Transform.Tests;

/// <summary>
/// Work in proportion to the change, with results equal to a full rebuild: generated data uploaded day
/// by day (each day one run, no stale scan) publishes byte for byte what rebuilding every asset from
/// the same raw files publishes, and a corrected day or a new film catalogue changes exactly the
/// partitions that read what changed. Run on each kind of storage.
/// </summary>
public abstract class IncrementalContract
{
    /// <summary>Two cinemas over nine days that cross a month end and two film weeks.</summary>
    private static readonly SampleDataOptions Options = new() { Cinemas = 2, Days = 9, StartDate = new DateOnly(2026, 2, 26), Seed = 7 };

    protected abstract Task<IObjectStore> CreateStoreAsync();

    private static CancellationToken Ct => PipelineHarness.Ct;

    [Fact]
    public async Task Day_by_day_uploads_publish_the_same_bytes_as_rebuilding_all_history()
    {
        var h = new PipelineHarness(await CreateStoreAsync());
        await UploadDayByDayAsync(h);
        var incremental = await PublishedAsync(h);

        // Everything but the raw files goes; the same raw files are processed again from scratch.
        await foreach (var head in h.Store.ListAllAsync("", Ct))
        {
            if (!head.Key.StartsWith(RawObjectKey.Root, StringComparison.Ordinal))
            {
                await h.Store.DeleteAsync(head.Key, Ct);
            }
        }
        var rebuilt = await h.ReconcileAsync();

        Assert.Equal(RunRecord.Succeeded, rebuilt!.Status);
        Assert.Equal(incremental, await PublishedAsync(h));
        Assert.Contains(incremental.Keys, k => k.StartsWith("mart_screen_month 2026-03-01", StringComparison.Ordinal));
        Assert.Contains(incremental.Keys, k => k.StartsWith("mart_film_week 2026-02-27", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_corrected_day_changes_exactly_the_partitions_that_read_it()
    {
        var h = new PipelineHarness(await CreateStoreAsync());
        var sessions = await UploadDayByDayAsync(h);
        var before = await VersionsAsync(h);

        // The first cinema's file of 2026-03-02 again, one session's capacity changed: a later file wins.
        var (_, text) = sessions.Where(s => s.Name.EndsWith("2026-03-02.csv", StringComparison.Ordinal)).OrderBy(s => s.Name, StringComparer.Ordinal).First();
        var corrected = ChangeFirstCapacity(text);
        var raw = new RawObjectKey("sessions", new DateOnly(2026, 3, 10), "corrected0302", ".csv");
        await h.Store.PutAsync(raw.ToString(), new MemoryStream(Encoding.UTF8.GetBytes(corrected)), cancellationToken: Ct);
        var run = await h.Runner.RunAsync(new RunRequest("event", [raw], []), Ct);

        Assert.Equal(RunRecord.Succeeded, run.Status);
        Assert.NotEqual(text, corrected);
        var changed = Changed(before, await VersionsAsync(h));
        Assert.Equal(
            ["dim_screen all", "fact_session 2026-03-02", "mart_cinema_day 2026-03-02", "mart_daypart_weekday 2026-03-02",
             "mart_distributor_week 2026-02-27", "mart_film_week 2026-02-27", "mart_screen_month 2026-03-01"],
            changed);
    }

    [Fact]
    public async Task A_new_film_catalogue_rebuilds_only_the_dates_whose_films_it_changes()
    {
        var h = new PipelineHarness(await CreateStoreAsync());
        await UploadDayByDayAsync(h);
        var before = await VersionsAsync(h);
        // The film shown on the fewest dates gets another genre.
        var datesOf = (await h.QueryAsync("fact_session", "SELECT film_key, CAST(business_date AS VARCHAR) FROM t WHERE film_key IS NOT NULL GROUP BY 1, 2"))
            .Select(r => r.Split('|')).GroupBy(r => r[0] + "|" + r[1], r => r[2]).ToDictionary(g => g.Key, g => g.Order().ToList());
        var (film, dates) = datesOf.OrderBy(f => f.Value.Count).ThenBy(f => f.Key, StringComparer.Ordinal).First();
        Assert.True(dates.Count < Options.Days, $"{film} plays every day: the test needs a film that does not");
        var title = (await h.QueryAsync("dim_film", $"SELECT title_raw FROM t WHERE film_key = '{film.Replace("'", "''")}'")).Single();

        var catalogue = JsonNode.Parse(await TextAsync(SampleDataGenerator.Files(Options).Single(f => f.Source == "films")))!.AsArray();
        var entry = catalogue.Single(f => (string?)f!["Title"] == title)!;
        entry["Major Genre"] = "Documentary";
        var raw = new RawObjectKey("films", new DateOnly(2026, 3, 10), "catalogue2", ".json");
        await h.Store.PutAsync(raw.ToString(), new MemoryStream(Encoding.UTF8.GetBytes(catalogue.ToJsonString())), cancellationToken: Ct);
        var run = await h.Runner.RunAsync(new RunRequest("event", [raw], []), Ct);

        Assert.Equal(RunRecord.Succeeded, run.Status);
        var changedDates = Changed(before, await VersionsAsync(h)).Where(p => p.StartsWith("fact_session ", StringComparison.Ordinal)).Select(p => p["fact_session ".Length..]);
        Assert.Equal(dates, changedDates);
        Assert.All(await h.QueryAsync("fact_session", $"SELECT DISTINCT genre FROM t WHERE film_key = '{film.Replace("'", "''")}'"), g => Assert.Equal("Documentary", g));
    }

    /// <summary>The catalogue first, then each day's files in one run of their own, as they would arrive.</summary>
    private static async Task<List<(string Name, string Text)>> UploadDayByDayAsync(PipelineHarness h)
    {
        var files = SampleDataGenerator.Files(Options).Where(f => !f.FileName.Contains("_resent", StringComparison.Ordinal)).ToList();
        var sessions = new List<(string, string)>();
        foreach (var group in files.GroupBy(f => f.Source == "films" ? "" : f.FileName[^14..^4]))
        {
            var keys = new List<RawObjectKey>();
            foreach (var file in group)
            {
                var text = await TextAsync(file);
                var key = new RawObjectKey(file.Source, new DateOnly(2026, 3, 10), Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(file.FileName)))[..32], Path.GetExtension(file.FileName));
                await h.Store.PutAsync(key.ToString(), new MemoryStream(Encoding.UTF8.GetBytes(text)), cancellationToken: Ct);
                keys.Add(key);
                if (file.Source == "sessions")
                {
                    sessions.Add((file.FileName, text));
                }
            }
            var run = await h.Runner.RunAsync(new RunRequest("event", keys, []), Ct);
            Assert.Equal(RunRecord.Succeeded, run.Status);
        }
        return sessions;
    }

    /// <summary>Every published partition of every asset downstream of staging, with the hash of each file's bytes.</summary>
    private static async Task<SortedDictionary<string, string>> PublishedAsync(PipelineHarness h)
    {
        var published = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var asset in h.Graph.InOrder.Where(a => a is not RawObjectAsset))
        {
            foreach (var state in await h.States.ListAsync(asset.Name, Ct))
            {
                var files = new List<string>();
                foreach (var key in state.Files)
                {
                    await using var content = await h.Store.OpenReadAsync(key, Ct);
                    files.Add($"{key}={Convert.ToHexStringLower(await SHA256.HashDataAsync(content, Ct))}");
                }
                published[$"{asset.Name} {state.Partition}"] = string.Join(",", files);
            }
        }
        return published;
    }

    private static async Task<Dictionary<string, string?>> VersionsAsync(PipelineHarness h)
    {
        var versions = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var asset in h.Graph.InOrder.Where(a => a is not RawObjectAsset))
        {
            foreach (var state in await h.States.ListAsync(asset.Name, Ct))
            {
                versions[$"{asset.Name} {state.Partition}"] = state.DataVersion;
            }
        }
        return versions;
    }

    private static List<string> Changed(Dictionary<string, string?> before, Dictionary<string, string?> after) =>
        [.. after.Where(a => !before.TryGetValue(a.Key, out var version) || version != a.Value).Select(a => a.Key).Order(StringComparer.Ordinal)];

    /// <summary>The file with its first data row's capacity set to one more seat than it had (or 123 when it had none).</summary>
    private static string ChangeFirstCapacity(string csv)
    {
        var lines = csv.Split('\n');
        var header = lines[0].TrimEnd('\r').Split(',');
        var column = Array.FindIndex(header, h => h.Equals("capacity", StringComparison.OrdinalIgnoreCase));
        Assert.True(column >= 0, $"no capacity column in {lines[0]}");
        var fields = lines[1].TrimEnd('\r').Split(',');
        fields[column] = int.TryParse(fields[column], out var seats) ? $"{seats + 1}" : "123";
        lines[1] = string.Join(',', fields) + (lines[1].EndsWith('\r') ? "\r" : "");
        return string.Join('\n', lines);
    }

    private static async Task<string> TextAsync(SampleFile file)
    {
        using var buffer = new MemoryStream();
        await file.WriteToAsync(buffer, Ct);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}

public sealed class IncrementalOnFilesystemTests : IncrementalContract, IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "cinemastats-incremental-" + Guid.NewGuid().ToString("N"));

    protected override Task<IObjectStore> CreateStoreAsync() => Task.FromResult<IObjectStore>(new FileSystemObjectStore(_root));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}

public sealed class IncrementalOnS3EmulatorTests(S3Emulator emulator) : IncrementalContract
{
    protected override async Task<IObjectStore> CreateStoreAsync() => await emulator.CreateStoreAsync();
}
