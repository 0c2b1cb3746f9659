using Microsoft.Extensions.DependencyInjection;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using CinemaStats.TestSupport;
using Microsoft.Extensions.Logging;

namespace CinemaStats.IntegrationTests;

/// <summary>
/// The whole application, started once per storage mode through the real AppHost. Starting
/// and stopping an AppHost takes seconds, so tests of one mode share it.
/// </summary>
public abstract class AppHostFixture : IAsyncLifetime
{
    public DistributedApplication App { get; private set; } = null!;

    protected string DataRoot { get; } = Path.Combine(Path.GetTempPath(), "cinemastats-it-" + Guid.NewGuid().ToString("N"));

    /// <summary>Why the app cannot start here, or null.</summary>
    protected virtual string? Unavailable => null;

    protected abstract IEnumerable<string> StorageArguments();

    protected virtual ValueTask StartDependenciesAsync() => ValueTask.CompletedTask;

    protected virtual ValueTask StopDependenciesAsync() => ValueTask.CompletedTask;

    public async ValueTask InitializeAsync()
    {
        await StartDependenciesAsync();
        if (Unavailable is not null)
        {
            return;
        }
        string[] args =
        [
            .. StorageArguments(),
            "--DcpPublisher:ContainerRuntimeInitializationTimeout=00:00:00",
            "--Transform:ReconcileInterval=00:00:00.500",
            "--SampleData:Enabled=false",
        ];
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.CinemaStats_AppHost>(args, TestContext.Current.CancellationToken);
        builder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        App = await builder.BuildAsync(TestContext.Current.CancellationToken);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await App.StartAsync(timeout.Token);
        foreach (var service in new[] { "ingest", "transform", "web" })
        {
            await App.ResourceNotifications.WaitForResourceHealthyAsync(service, timeout.Token);
        }
    }

    public void EnsureAvailable()
    {
        if (Unavailable is not null)
        {
            Requirement.Missing(Unavailable);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Unavailable is null && App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
        await StopDependenciesAsync();
        if (Directory.Exists(DataRoot))
        {
            Directory.Delete(DataRoot, recursive: true);
        }
    }
}

public sealed class FilesystemAppHostFixture : AppHostFixture
{
    protected override IEnumerable<string> StorageArguments() =>
        ["--Storage:Mode=filesystem", $"--Storage:RootPath={DataRoot}"];
}

/// <summary>The app in <c>s3</c> mode against the fauxqs emulator (started by this fixture).</summary>
public sealed class S3AppHostFixture : AppHostFixture
{
    private readonly S3Emulator _emulator = new();
    private readonly string _bucket = S3Emulator.UniqueBucketName();

    protected override string? Unavailable => _emulator.Unavailable;

    protected override IEnumerable<string> StorageArguments() =>
    [
        "--Storage:Mode=s3",
        $"--Storage:ServiceUrl={_emulator.ServiceUrl}",
        $"--Storage:Bucket={_bucket}",
        $"--Storage:AccessKey={S3Emulator.AccessKey}",
        $"--Storage:SecretKey={S3Emulator.SecretKey}",
        "--Storage:CreateBucket=true",
    ];

    protected override ValueTask StartDependenciesAsync() => _emulator.InitializeAsync();

    protected override ValueTask StopDependenciesAsync() => _emulator.DisposeAsync();
}
