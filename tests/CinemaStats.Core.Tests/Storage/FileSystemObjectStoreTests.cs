using CinemaStats.Core.Storage;

namespace CinemaStats.Core.Tests.Storage;

public sealed class FileSystemObjectStoreTests : ObjectStoreContract, IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "cinemastats-fs-" + Guid.NewGuid().ToString("N"));

    protected override Task<IObjectStore> CreateStoreAsync() => Task.FromResult<IObjectStore>(new FileSystemObjectStore(_root));

    /// <summary>The conditional-write contract on the file system.</summary>
    public sealed class Conditional : ConditionalWriteContract, IDisposable
    {
        private readonly string _root = Path.Combine(Path.GetTempPath(), "cinemastats-fs-" + Guid.NewGuid().ToString("N"));

        protected override Task<IObjectStore> CreateConditionalStoreAsync() => Task.FromResult<IObjectStore>(new FileSystemObjectStore(_root));

        public void Dispose()
        {
            if (Directory.Exists(_root))
            {
                Directory.Delete(_root, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Objects_are_plain_files_in_the_key_layout_and_temporary_files_never_show()
    {
        var store = new FileSystemObjectStore(_root);
        await store.PutTextAsync("curated/t/business_date=2026-03-06/part-1.parquet", "x", cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(File.Exists(Path.Combine(_root, "curated", "t", "business_date=2026-03-06", "part-1.parquet")));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_root, ".tmp")));
        Assert.Equal(["curated/t/business_date=2026-03-06/part-1.parquet"], await ListKeysAsync(store, ""));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
