using CinemaStats.Core.Storage;
using CinemaStats.TestSupport;

namespace CinemaStats.Core.Tests.Storage;

/// <summary>The contract on S3, against the fauxqs emulator the tests start themselves.</summary>
public sealed class EmulatorS3ObjectStoreTests(S3Emulator emulator) : ObjectStoreContract
{
    protected override async Task<IObjectStore> CreateStoreAsync() => await emulator.CreateStoreAsync();

    [Fact]
    public async Task Raw_keys_go_to_their_own_bucket_when_one_is_configured()
    {
        emulator.EnsureRunning();
        var ct = TestContext.Current.CancellationToken;
        var (curated, raw) = (S3Emulator.UniqueBucketName(), S3Emulator.UniqueBucketName());
        var store = new S3ObjectStore(emulator.CreateClient(curated), curated, S3ObjectStore.MinimumPartSize, raw);
        await store.EnsureBucketAsync(ct);

        await store.PutTextAsync("raw/sessions/ingest_date=2026-03-06/a.csv", "raw", cancellationToken: ct);
        await store.PutTextAsync("curated/fact_session/business_date=2026-03-06/part-0.parquet", "curated", cancellationToken: ct);

        using var client = emulator.CreateClient(curated);
        var inRaw = await client.ListObjectsV2Async(new() { BucketName = raw }, ct);
        var inCurated = await client.ListObjectsV2Async(new() { BucketName = curated }, ct);
        Assert.Equal(["raw/sessions/ingest_date=2026-03-06/a.csv"], inRaw.S3Objects.Select(o => o.Key));
        Assert.Equal(["curated/fact_session/business_date=2026-03-06/part-0.parquet"], inCurated.S3Objects.Select(o => o.Key));
        Assert.Equal("raw", await store.ReadTextAsync("raw/sessions/ingest_date=2026-03-06/a.csv", ct));
        Assert.Single((await store.ListAsync("raw/", cancellationToken: ct)).Objects);
    }

    [Fact]
    public async Task An_unreachable_endpoint_is_reported_as_unavailable()
    {
        emulator.EnsureRunning();
        var options = emulator.OptionsFor("nowhere");
        options.ServiceUrl = "http://127.0.0.1:9"; // discard port: nothing listens
        var store = new S3ObjectStore(ObjectStoreServiceCollectionExtensions.CreateS3Client(options), "nowhere");

        await Assert.ThrowsAsync<ObjectStoreUnavailableException>(
            () => store.PutTextAsync("raw/a.csv", "x", cancellationToken: TestContext.Current.CancellationToken));
    }
}
