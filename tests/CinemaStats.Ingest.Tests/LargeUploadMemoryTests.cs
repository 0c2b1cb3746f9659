using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CinemaStats.Ingest.Auth;
using CinemaStats.TestSupport;

namespace CinemaStats.Ingest.Tests;

/// <summary>
/// A 1 GiB upload through the real service process: it must arrive whole while the process's
/// peak resident memory (VmHWM) stays far below the file's size.
/// </summary>
public sealed class LargeUploadMemoryTests(ITestOutputHelper output) : IDisposable
{
    private const long OneGiB = 1024L * 1024 * 1024;
    private const long MemoryBoundBytes = 256L * 1024 * 1024;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "cinemastats-large-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_one_GiB_upload_streams_through_with_bounded_memory()
    {
        var ct = TestContext.Current.CancellationToken;
        var port = FreePort();
        using var service = StartIngest(port);
        try
        {
            await UploadAndMeasureAsync(service, port, ct);
        }
        finally
        {
            // Disposing a Process does not end it: stop the service whatever the outcome.
            service.Kill(entireProcessTree: true);
        }
    }

    private async Task UploadAndMeasureAsync(Process service, int port, CancellationToken ct)
    {
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(10) };
        await WaitHealthyAsync(client, service, ct);
        var baseline = PeakResidentBytes(service);

        var body = new GeneratedCsvStream(OneGiB);
        using var content = new StreamContent(body, 1024 * 1024);
        content.Headers.ContentType = new("text/csv");
        using var request = new HttpRequestMessage(HttpMethod.Put, "/v1/sources/sessions/files/one-gib.csv") { Content = content };
        request.Headers.Add("X-Api-Key", "large-upload-key");
        var timer = Stopwatch.StartNew();
        using var response = await client.SendAsync(request, ct);
        timer.Stop();

        var text = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        var stored = JsonDocument.Parse(text).RootElement;
        Assert.Equal(OneGiB, stored.GetProperty("size").GetInt64());
        Assert.Equal(body.Sha256(), stored.GetProperty("sha256").GetString());
        Assert.Equal(OneGiB, new FileInfo(Path.Combine(_root, "objects", stored.GetProperty("key").GetString()!)).Length);

        var peak = PeakResidentBytes(service);
        output.WriteLine($"1 GiB upload: {timer.Elapsed.TotalSeconds:F1} s; ingest peak RSS {peak / 1048576.0:F0} MiB (at start {baseline / 1048576.0:F0} MiB); {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}");
        Assert.True(peak < MemoryBoundBytes, $"Peak resident memory {peak / 1048576} MiB exceeds {MemoryBoundBytes / 1048576} MiB for a 1 GiB upload.");
    }

    private Process StartIngest(int port)
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name; // bin/{Configuration}/net10.0
        var dll = Path.Combine(RepositoryPaths.Root, "CinemaStats.Ingest", "bin", configuration, "net10.0", "CinemaStats.Ingest.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing: build the solution first.");
        var start = new ProcessStartInfo("dotnet", $"\"{dll}\"") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Storage__Mode"] = "Filesystem";
        start.Environment["Storage__RootPath"] = Path.Combine(_root, "objects");
        start.Environment["Ingest__SpoolPath"] = Path.Combine(_root, "spool");
        start.Environment["Ingest__ApiKeys__0__Name"] = "large-upload-test";
        start.Environment["Ingest__ApiKeys__0__Sha256"] = ApiKeyRegistry.HashOf("large-upload-key");
        start.Environment["Ingest__ApiKeys__0__Sources__0"] = "sessions";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitHealthyAsync(HttpClient client, Process service, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 150; attempt++)
        {
            Assert.False(service.HasExited, $"The ingest process exited with {(service.HasExited ? service.ExitCode : 0)}.");
            try
            {
                if ((await client.GetAsync("/health", ct)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(200, ct);
        }
        Assert.Fail("The ingest process did not become healthy within 30 s.");
    }

    /// <summary>VmHWM: the highest resident set size the process has had.</summary>
    private static long PeakResidentBytes(Process process)
    {
        var line = File.ReadLines($"/proc/{process.Id}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    /// <summary>A sessions CSV of the requested size, produced on the fly and hashed as it is read.</summary>
    private sealed class GeneratedCsvStream(long length) : Stream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private readonly byte[] _header = Encoding.UTF8.GetBytes("session_id,cinema_id,screen_id,showtime_local,cinema_tz,currency\n");
        private long _position;
        private long _row;
        private byte[] _pending = [];
        private int _pendingOffset;

        public string Sha256() => Convert.ToHexStringLower(_hash.GetCurrentHash());
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var written = 0;
            while (written < count && _position < length)
            {
                if (_pendingOffset == _pending.Length)
                {
                    _pending = _row == 0 ? _header : Encoding.UTF8.GetBytes($"S{_row},C{_row % 50},{_row % 9},2026-03-06 19:30,Europe/London,GBP\n");
                    _pendingOffset = 0;
                    _row++;
                }
                var n = (int)Math.Min(Math.Min(count - written, _pending.Length - _pendingOffset), length - _position);
                Array.Copy(_pending, _pendingOffset, buffer, offset + written, n);
                _hash.AppendData(buffer, offset + written, n);
                _pendingOffset += n;
                _position += n;
                written += n;
            }
            return written;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
