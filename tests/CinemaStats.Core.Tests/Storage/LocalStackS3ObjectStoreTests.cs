using CinemaStats.Core.Storage;
using CinemaStats.TestSupport;
using Testcontainers.LocalStack;

namespace CinemaStats.Core.Tests.Storage;

/// <summary>LocalStack in a container, shared by the tests of <see cref="LocalStackS3ObjectStoreTests"/>.</summary>
public sealed class LocalStackFixture : IAsyncLifetime
{
    private LocalStackContainer? _container;

    public string? Unavailable { get; private set; }

    public string ServiceUrl => _container?.GetConnectionString() ?? "";

    public async ValueTask InitializeAsync()
    {
        try
        {
            _container = new LocalStackBuilder("localstack/localstack:4.9").Build();
            await _container.StartAsync();
        }
        catch (Exception e)
        {
            Unavailable = $"Testcontainers could not start LocalStack ({e.GetBaseException().Message})";
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
    }
}

/// <summary>The contract on S3, against LocalStack through Testcontainers where Docker runs.</summary>
public sealed class LocalStackS3ObjectStoreTests(LocalStackFixture localStack) : ObjectStoreContract, IClassFixture<LocalStackFixture>
{
    protected override Task<IObjectStore> CreateStoreAsync() => CreateAsync(localStack);

    /// <summary>The conditional-write contract on LocalStack's S3.</summary>
    public sealed class Conditional(LocalStackFixture localStack) : ConditionalWriteContract, IClassFixture<LocalStackFixture>
    {
        protected override Task<IObjectStore> CreateConditionalStoreAsync() => CreateAsync(localStack);
    }

    private static async Task<IObjectStore> CreateAsync(LocalStackFixture localStack)
    {
        if (localStack.Unavailable is not null)
        {
            Requirement.MissingContainerRuntime(localStack.Unavailable);
        }
        var options = new StorageOptions
        {
            Mode = StorageMode.LocalStack,
            ServiceUrl = localStack.ServiceUrl,
            Bucket = S3Emulator.UniqueBucketName(),
            AccessKey = "test",
            SecretKey = "test",
        };
        var store = new S3ObjectStore(ObjectStoreServiceCollectionExtensions.CreateS3Client(options), options.Bucket, S3ObjectStore.MinimumPartSize);
        await store.EnsureBucketAsync();
        return store;
    }
}
