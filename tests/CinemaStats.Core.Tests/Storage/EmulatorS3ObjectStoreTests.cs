using CinemaStats.Core.Storage;
using CinemaStats.TestSupport;

namespace CinemaStats.Core.Tests.Storage;

/// <summary>The contract on S3, against the fauxqs emulator the tests start themselves.</summary>
public sealed class EmulatorS3ObjectStoreTests(S3Emulator emulator) : ObjectStoreContract
{
    protected override async Task<IObjectStore> CreateStoreAsync() => await emulator.CreateStoreAsync();

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
