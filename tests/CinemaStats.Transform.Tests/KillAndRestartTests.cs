using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CinemaStats.Core.Layout;
using CinemaStats.TestSupport;

namespace CinemaStats.Transform.Tests;

/// <summary>
/// The real worker process on the S3 emulator, killed (SIGKILL) at several points while it
/// works, then restarted: it must end with exactly the curated data of an uninterrupted run,
/// and no file that its published states do not name.
/// </summary>
public sealed class KillAndRestartTests(S3Emulator emulator, ITestOutputHelper output)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_worker_killed_at_any_point_and_restarted_ends_with_the_uninterrupted_result()
    {
        emulator.EnsureRunning();
        var files = Enumerable.Range(0, 16).Select(SessionsFile).ToList();

        var reference = new PipelineHarness(await emulator.CreateStoreAsync());
        foreach (var (csv, id) in files)
        {
            await reference.PutSessionsAsync(csv, id);
        }
        await reference.ReconcileAsync();
        var expected = await reference.PublishedFactSessionAsync();
        Assert.Equal(16 * 30, expected.Count);

        var bucket = S3Emulator.UniqueBucketName();
        var crashed = new PipelineHarness(await emulator.CreateStoreAsync(bucket));
        foreach (var (csv, id) in files)
        {
            await crashed.PutSessionsAsync(csv, id);
        }
        // Kill points spread over the work: mid-staging, then while partitions are being published.
        var killPoints = new (string What, Func<Task<bool>> Reached)[]
        {
            ("4 raw objects staged", async () => (await crashed.KeysAsync(PipelineKey.RawObjectStatusPrefix)).Count >= 4),
            ("12 raw objects staged", async () => (await crashed.KeysAsync(PipelineKey.RawObjectStatusPrefix)).Count >= 12),
            ("the first curated file written", async () => (await crashed.KeysAsync("curated/")).Count >= 1),
            ("the first partition published", async () => (await crashed.KeysAsync(PipelineKey.AssetPartitionsPrefix("fact_session"))).Count >= 1),
        };
        foreach (var (what, reached) in killPoints)
        {
            using var worker = StartWorker(bucket);
            var waitUntil = DateTime.UtcNow.AddSeconds(30);
            while (DateTime.UtcNow < waitUntil && !await reached())
            {
                await Task.Delay(20, Ct);
            }
            worker.Kill(entireProcessTree: true);
            await worker.WaitForExitAsync(Ct);
            output.WriteLine($"killed at '{what}': {(await crashed.KeysAsync(PipelineKey.RawObjectStatusPrefix)).Count} of {files.Count} raw objects in the ledger, " +
                $"{(await crashed.KeysAsync("curated/")).Count} curated files, {(await crashed.KeysAsync(PipelineKey.AssetPartitionsPrefix("fact_session"))).Count} partitions published");
        }

        using (var final = StartWorker(bucket))
        {
            var deadline = DateTime.UtcNow.AddSeconds(90);
            List<string> published = [];
            while (DateTime.UtcNow < deadline)
            {
                published = await crashed.PublishedFactSessionAsync();
                if (published.SequenceEqual(expected) && (await crashed.KeysAsync(PipelineKey.RawObjectStatusPrefix)).Count == files.Count)
                {
                    break;
                }
                await Task.Delay(500, Ct);
            }
            Assert.Equal(expected, published);
            final.Kill(entireProcessTree: true);
        }

        var named = (await crashed.States.ListAsync("fact_session", Ct)).SelectMany(s => s.Files).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(named, await crashed.KeysAsync("curated/fact_session/"));
    }

    /// <summary>30 sessions over three business dates; file <paramref name="n"/> has its own ids.</summary>
    private static (string Csv, string UploadId) SessionsFile(int n)
    {
        var lines = Enumerable.Range(0, 30).Select(i =>
            $"F{n}-S{i},C{n % 4},{i % 6},{60 + i},Film {i % 5},2026-03-0{6 + i % 3} {12 + i % 10}:{(i * 7) % 60:D2},Europe/London,GBP");
        return ("session_id,cinema_id,screen_id,capacity,film_title_raw,showtime_local,cinema_tz,currency\n" + string.Join("\n", lines) + "\n",
            $"{n:D4}{new string('a', 28)}");
    }

    private Process StartWorker(string bucket)
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var dll = Path.Combine(RepositoryPaths.Root, "CinemaStats.Transform", "bin", configuration, "net10.0", "CinemaStats.Transform.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing: build the solution first.");
        var start = new ProcessStartInfo("dotnet", $"\"{dll}\"") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        var options = emulator.OptionsFor(bucket);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort()}";
        start.Environment["Storage__Mode"] = "S3";
        start.Environment["Storage__ServiceUrl"] = options.ServiceUrl;
        start.Environment["Storage__Bucket"] = bucket;
        start.Environment["Storage__AccessKey"] = options.AccessKey;
        start.Environment["Storage__SecretKey"] = options.SecretKey;
        start.Environment["Transform__ReconcileInterval"] = "00:00:00.200";
        start.Environment["Transform__StaleScanInterval"] = "00:00:01";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
