using CinemaStats.Core.Storage;

namespace CinemaStats.Core.Tests.Storage;

/// <summary>
/// Conditional writes (create-only, if-match), on the stores that enforce them: the file system
/// and S3 (LocalStack, AWS). The fauxqs emulator accepts the headers but does not enforce them,
/// so it is not held to this contract.
/// </summary>
public abstract class ConditionalWriteContract
{
    protected abstract Task<IObjectStore> CreateConditionalStoreAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_only_writes_once_and_refuses_the_second_writer()
    {
        var store = await CreateConditionalStoreAsync();
        var createOnly = new ObjectWriteOptions { CreateOnly = true };
        await store.PutAsync("locks/a.json", new MemoryStream("first"u8.ToArray()), createOnly, Ct);

        await Assert.ThrowsAsync<ObjectPreconditionFailedException>(
            () => store.PutAsync("locks/a.json", new MemoryStream("second"u8.ToArray()), createOnly, Ct));
        Assert.Equal("first", await store.ReadTextAsync("locks/a.json", Ct));
    }

    [Fact]
    public async Task Of_many_concurrent_create_only_writers_exactly_one_wins()
    {
        var store = await CreateConditionalStoreAsync();
        var attempts = Enumerable.Range(0, 20).Select(async i =>
        {
            try
            {
                await store.PutAsync("locks/race.json", new MemoryStream(BitConverter.GetBytes(i)), new ObjectWriteOptions { CreateOnly = true }, Ct);
                return true;
            }
            catch (ObjectPreconditionFailedException)
            {
                return false;
            }
        });
        var results = await Task.WhenAll(attempts);
        Assert.Equal(1, results.Count(won => won));
    }

    [Fact]
    public async Task If_match_refuses_an_update_based_on_a_stale_read()
    {
        var store = await CreateConditionalStoreAsync();
        var original = await store.PutTextAsync("ledger/x.json", "v1", cancellationToken: Ct);
        await store.PutAsync("ledger/x.json", new MemoryStream("v2"u8.ToArray()), new ObjectWriteOptions { IfMatchETag = original.ETag }, Ct);

        await Assert.ThrowsAsync<ObjectPreconditionFailedException>(
            () => store.PutAsync("ledger/x.json", new MemoryStream("v3"u8.ToArray()), new ObjectWriteOptions { IfMatchETag = original.ETag }, Ct));
        Assert.Equal("v2", await store.ReadTextAsync("ledger/x.json", Ct));
    }
}
