using CinemaStats.Core.Storage;
using CinemaStats.TestSupport;

namespace CinemaStats.Transform.Tests;

public sealed class PipelineOnFilesystemTests : PipelineContract, IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "cinemastats-pipeline-" + Guid.NewGuid().ToString("N"));

    protected override Task<IObjectStore> CreateStoreAsync() => Task.FromResult<IObjectStore>(new FileSystemObjectStore(_root));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}

public sealed class PipelineOnS3EmulatorTests(S3Emulator emulator) : PipelineContract
{
    protected override async Task<IObjectStore> CreateStoreAsync() => await emulator.CreateStoreAsync();
}
