using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CinemaStats.Core.Pipeline;
using CinemaStats.Core.Storage;

namespace CinemaStats.Benchmarks;

/// <summary>
/// Seconds from an upload's 201 to its curated partition being published: ingest and
/// transform run as real processes; each sample uploads a new sessions file of <c>--rows</c>
/// rows for its own business date and polls the published partition state.
/// </summary>
public static class FreshnessBenchmark
{
    private const string ApiKey = "freshness-benchmark-key";

    public static async Task<int> RunAsync(string[] args)
    {
        var mode = Option(args, "--mode") ?? "filesystem";
        var rows = int.Parse(Option(args, "--rows") ?? "100000", CultureInfo.InvariantCulture);
        var samples = int.Parse(Option(args, "--samples") ?? "10", CultureInfo.InvariantCulture);
        var root = Path.Combine(Path.GetTempPath(), "cinemastats-freshness-" + Guid.NewGuid().ToString("N"));
        var storage = mode == "s3"
            ? new StorageOptions { Mode = StorageMode.S3, ServiceUrl = Option(args, "--s3-url") ?? "http://127.0.0.1:4566", Bucket = "freshness-" + Guid.NewGuid().ToString("N")[..12], AccessKey = "test", SecretKey = "test", CreateBucket = true }
            : new StorageOptions { Mode = StorageMode.Filesystem, RootPath = Path.Combine(root, "objects") };
        var environment = new Dictionary<string, string>
        {
            ["Storage__Mode"] = storage.Mode.ToString(),
            ["Storage__RootPath"] = storage.RootPath,
            ["Storage__ServiceUrl"] = storage.ServiceUrl ?? "",
            ["Storage__Bucket"] = storage.Bucket,
            ["Storage__AccessKey"] = storage.AccessKey ?? "",
            ["Storage__SecretKey"] = storage.SecretKey ?? "",
            ["Storage__CreateBucket"] = storage.CreateBucket ? "true" : "false",
            ["Ingest__ApiKeys__0__Name"] = "benchmark",
            ["Ingest__ApiKeys__0__Sha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ApiKey))),
            ["Ingest__ApiKeys__0__Sources__0"] = "sessions",
            // Without S3 notifications (the emulator sends none) the worker finds files by listing: list often.
            ["Transform__ReconcileInterval"] = "00:00:00.250",
        };

        using var ingest = await ServiceProcess.StartAsync("CinemaStats.Ingest", environment);
        using var transform = await ServiceProcess.StartAsync("CinemaStats.Transform", environment);
        var store = ObjectStoreServiceCollectionExtensions.Create(storage);
        var states = new AssetPartitionStates(store);
        using var http = new HttpClient { BaseAddress = ingest.Url, Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);

        var seconds = new List<double>();
        for (var sample = 0; sample < samples; sample++)
        {
            var date = new DateOnly(2027, 1, 1).AddDays(sample);
            var body = SessionsFile(rows, date, sample);
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new("text/csv");
            using var response = await http.PutAsync($"/v1/sources/sessions/files/freshness-{sample}.csv", content);
            var timer = Stopwatch.StartNew();
            if (response.StatusCode != System.Net.HttpStatusCode.Created)
            {
                throw new InvalidOperationException($"The upload answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
            while (true)
            {
                var state = await states.GetAsync("fact_session", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), CancellationToken.None);
                if (state is { State.Status: AssetPartitionState.Materialized } published && published.State.RowsOut == rows)
                {
                    break;
                }
                if (timer.Elapsed > TimeSpan.FromMinutes(2))
                {
                    throw new TimeoutException($"Sample {sample} was not published within 2 minutes.");
                }
                await Task.Delay(10);
            }
            seconds.Add(timer.Elapsed.TotalSeconds);
            Console.WriteLine($"  sample {sample + 1,2}: {timer.Elapsed.TotalSeconds:F2} s");
        }

        seconds.Sort();
        Console.WriteLine($"freshness ({mode}, {rows:N0}-row sessions file, {samples} samples): p50 {Percentile(seconds, 0.50):F2} s, p95 {Percentile(seconds, 0.95):F2} s, max {seconds[^1]:F2} s");
        Console.WriteLine(MachineInfo.Describe());
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
        return 0;
    }

    private static byte[] SessionsFile(int rows, DateOnly date, int sample)
    {
        var text = new StringBuilder("session_id,cinema_id,screen_id,capacity,film_title_raw,showtime_local,business_date,cinema_tz,currency\n");
        for (var i = 0; i < rows; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"B{sample}-{i},C{i % 40},{i % 12},{80 + i % 200},Film {i % 30},{date:yyyy-MM-dd} {10 + i % 13}:{i % 4 * 15:D2},{date:yyyy-MM-dd},Europe/London,GBP\n");
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Ceiling(p * sorted.Count) - 1];

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
