using System.Security.Cryptography;
using System.Text;
using CinemaStats.Core.Storage;

namespace CinemaStats.Core.Tests.Storage;

/// <summary>
/// What every <see cref="IObjectStore"/> must do, run against each implementation: the file
/// system, S3 on the emulator, and S3 on LocalStack where a container runtime is usable.
/// </summary>
public abstract class ObjectStoreContract
{
    /// <summary>A new, empty store whose multipart threshold is 5 MiB (the S3 minimum).</summary>
    protected abstract Task<IObjectStore> CreateStoreAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Put_then_get_returns_the_same_bytes_and_head_describes_them()
    {
        var store = await CreateStoreAsync();
        var content = Encoding.UTF8.GetBytes("session_id,cinema_id\nS1,C1\n");
        var metadata = new Dictionary<string, string> { ["sha256"] = "abc", ["original-name"] = "Séances été 2026.csv" };

        var put = await store.PutAsync("raw/sessions/a.csv", new MemoryStream(content),
            new ObjectWriteOptions { ContentType = "text/csv", Metadata = metadata }, Ct);

        Assert.Equal(content.Length, put.Size);
        Assert.Equal(content, await ReadAllAsync(store, "raw/sessions/a.csv"));
        var head = await store.HeadAsync("raw/sessions/a.csv", Ct);
        Assert.NotNull(head);
        Assert.Equal(content.Length, head.Size);
        Assert.Equal("text/csv", head.ContentType);
        Assert.Equal("Séances été 2026.csv", head.Metadata["original-name"]);
        Assert.Equal("abc", head.Metadata["sha256"]);
        Assert.False(string.IsNullOrEmpty(head.ETag));
    }

    [Fact]
    public async Task A_missing_object_has_no_head_and_cannot_be_opened()
    {
        var store = await CreateStoreAsync();
        Assert.Null(await store.HeadAsync("raw/none.csv", Ct));
        var error = await Assert.ThrowsAsync<ObjectNotFoundException>(() => store.OpenReadAsync("raw/none.csv", Ct));
        Assert.Equal("raw/none.csv", error.Key);
    }

    [Fact]
    public async Task Put_over_an_object_replaces_it_and_changes_its_etag()
    {
        var store = await CreateStoreAsync();
        var first = await store.PutTextAsync("k/v.txt", "one", cancellationToken: Ct);
        var second = await store.PutTextAsync("k/v.txt", "two!", cancellationToken: Ct);
        Assert.Equal("two!", await store.ReadTextAsync("k/v.txt", Ct));
        Assert.NotEqual(first.ETag, second.ETag);
        Assert.Equal(4, second.Size);
    }

    [Fact]
    public async Task List_matches_the_prefix_as_a_string_in_ordinal_key_order()
    {
        var store = await CreateStoreAsync();
        foreach (var key in new[] { "raw/sessions/b.csv", "raw/sessions/a.csv", "raw/sessions2/c.csv", "raw/films/d.json", "curated/x.parquet" })
        {
            await store.PutTextAsync(key, key, cancellationToken: Ct);
        }

        var sessions = await ListKeysAsync(store, "raw/sessions/");
        var partial = await ListKeysAsync(store, "raw/sess");
        var all = await ListKeysAsync(store, "");

        Assert.Equal(["raw/sessions/a.csv", "raw/sessions/b.csv"], sessions);
        Assert.Equal(["raw/sessions/a.csv", "raw/sessions/b.csv", "raw/sessions2/c.csv"], partial);
        Assert.Equal(["curated/x.parquet", "raw/films/d.json", "raw/sessions/a.csv", "raw/sessions/b.csv", "raw/sessions2/c.csv"], all);
        Assert.Empty(await ListKeysAsync(store, "nothing/"));
    }

    [Fact]
    public async Task List_pages_through_every_object_exactly_once()
    {
        var store = await CreateStoreAsync();
        var expected = Enumerable.Range(0, 7).Select(i => $"p/{i:D2}.txt").ToList();
        foreach (var key in expected)
        {
            await store.PutTextAsync(key, key, cancellationToken: Ct);
        }

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await store.ListAsync("p/", token, pageSize: 3, Ct);
            Assert.True(page.Objects.Count <= 3);
            seen.AddRange(page.Objects.Select(o => o.Key));
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(expected, seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task Delete_removes_the_object_and_deleting_again_is_harmless()
    {
        var store = await CreateStoreAsync();
        await store.PutTextAsync("d/x.txt", "x", cancellationToken: Ct);
        await store.DeleteAsync("d/x.txt", Ct);
        await store.DeleteAsync("d/x.txt", Ct);
        Assert.Null(await store.HeadAsync("d/x.txt", Ct));
        Assert.Empty(await ListKeysAsync(store, "d/"));
    }

    [Fact]
    public async Task Copy_keeps_content_content_type_and_metadata()
    {
        var store = await CreateStoreAsync();
        await store.PutAsync("c/source.csv", new MemoryStream("a,b\n1,2\n"u8.ToArray()),
            new ObjectWriteOptions { ContentType = "text/csv", Metadata = new Dictionary<string, string> { ["source"] = "sessions" } }, Ct);

        var copy = await store.CopyAsync("c/source.csv", "c/copy.csv", cancellationToken: Ct);

        Assert.Equal("c/copy.csv", copy.Key);
        Assert.Equal("a,b\n1,2\n", await store.ReadTextAsync("c/copy.csv", Ct));
        Assert.Equal("text/csv", copy.ContentType);
        Assert.Equal("sessions", copy.Metadata["source"]);
        await Assert.ThrowsAsync<ObjectNotFoundException>(() => store.CopyAsync("c/none.csv", "c/other.csv", cancellationToken: Ct));
    }

    [Fact]
    public async Task A_copy_of_a_given_version_is_refused_once_the_source_changed()
    {
        var store = await CreateStoreAsync();
        var first = await store.PutAsync("c/versioned.csv", new MemoryStream("a\n1\n"u8.ToArray()), cancellationToken: Ct);
        await store.PutAsync("c/versioned.csv", new MemoryStream("a\n2\n"u8.ToArray()), cancellationToken: Ct);

        await Assert.ThrowsAsync<ObjectPreconditionFailedException>(() => store.CopyAsync("c/versioned.csv", "c/stale.csv", first.ETag, Ct));
        Assert.Null(await store.HeadAsync("c/stale.csv", Ct));

        var current = await store.HeadAsync("c/versioned.csv", Ct);
        var copy = await store.CopyAsync("c/versioned.csv", "c/current.csv", current!.ETag, Ct);
        Assert.Equal("a\n2\n", await store.ReadTextAsync(copy.Key, Ct));
    }

    [Fact]
    public async Task A_large_object_streams_through_in_parts_intact()
    {
        var store = await CreateStoreAsync();
        const int size = 12 * 1024 * 1024 + 12345; // three parts of 5 MiB on S3
        var content = new byte[size];
        new Random(7).NextBytes(content);

        var head = await store.PutAsync("big/blob.bin", new NonSeekableStream(new MemoryStream(content)), cancellationToken: Ct);

        Assert.Equal(size, head.Size);
        await using var read = await store.OpenReadAsync("big/blob.bin", Ct);
        Assert.Equal(SHA256.HashData(content), await SHA256.HashDataAsync(read, Ct));
    }

    [Fact]
    public async Task A_write_that_fails_midway_leaves_no_object_and_the_previous_version_intact()
    {
        var store = await CreateStoreAsync();
        await store.PutTextAsync("half/a.bin", "previous", cancellationToken: Ct);

        // Fails after more than one 5 MiB part has been sent.
        var failing = new FailingStream(bytesBeforeFailure: 11 * 1024 * 1024);
        await Assert.ThrowsAsync<IOException>(() => store.PutAsync("half/a.bin", failing, cancellationToken: Ct));
        await Assert.ThrowsAsync<IOException>(() => store.PutAsync("half/new.bin", new FailingStream(1024), cancellationToken: Ct));

        Assert.Equal("previous", await store.ReadTextAsync("half/a.bin", Ct));
        Assert.Null(await store.HeadAsync("half/new.bin", Ct));
        Assert.Equal(["half/a.bin"], await ListKeysAsync(store, "half/"));
    }

    [Theory]
    [InlineData("../escape.txt")]
    [InlineData("raw/../../etc/passwd")]
    [InlineData("/absolute.txt")]
    [InlineData("raw//double.txt")]
    [InlineData("raw/.hidden")]
    [InlineData("raw/back\\slash.txt")]
    [InlineData("raw/bell\u0007.txt")]
    [InlineData("raw/")]
    public async Task Unsafe_keys_are_refused(string key)
    {
        var store = await CreateStoreAsync();
        await Assert.ThrowsAsync<ArgumentException>(() => store.PutTextAsync(key, "x", cancellationToken: Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => store.HeadAsync(key, Ct));
    }

    protected static async Task<List<string>> ListKeysAsync(IObjectStore store, string prefix)
    {
        var keys = new List<string>();
        await foreach (var head in store.ListAllAsync(prefix, Ct))
        {
            keys.Add(head.Key);
        }
        return keys;
    }

    private static async Task<byte[]> ReadAllAsync(IObjectStore store, string key)
    {
        await using var stream = await store.OpenReadAsync(key, Ct);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, Ct);
        return copy.ToArray();
    }

    /// <summary>A request body: readable once, no length, no seeking.</summary>
    private sealed class NonSeekableStream(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, Math.Min(count, 65536));
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>Yields zeros, then breaks like a dropped connection.</summary>
    private sealed class FailingStream(long bytesBeforeFailure) : Stream
    {
        private long _sent;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_sent >= bytesBeforeFailure)
            {
                throw new IOException("The connection was reset by the sender.");
            }
            var n = (int)Math.Min(count, bytesBeforeFailure - _sent);
            Array.Clear(buffer, offset, n);
            _sent += n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
