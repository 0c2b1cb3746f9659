using System.Collections.Concurrent;
using System.Text.Json;
using CinemaStats.Core.Layout;
using CinemaStats.Core.Storage;

namespace CinemaStats.Ingest.Uploads;

/// <summary>Reads and writes upload records; serializes work on one upload id within this process.</summary>
public sealed class UploadRecords(IObjectStore store)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new();

    public async Task<(UploadRecord Record, string ETag)?> GetAsync(string uploadId, CancellationToken cancellationToken)
    {
        var key = PipelineKey.Upload(uploadId);
        var head = await store.HeadAsync(key, cancellationToken);
        if (head is null)
        {
            return null;
        }
        try
        {
            var record = JsonSerializer.Deserialize<UploadRecord>(await store.ReadTextAsync(key, cancellationToken), Json)
                ?? throw new InvalidDataException($"{key} is empty.");
            return (record, head.ETag);
        }
        catch (ObjectNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Writes the record: create-only when <paramref name="replacingETag"/> is null, else only over that version.</summary>
    public Task SaveAsync(UploadRecord record, string? replacingETag, bool createOnly, CancellationToken cancellationToken)
    {
        var body = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(record, Json));
        return store.PutAsync(PipelineKey.Upload(record.UploadId), body, new ObjectWriteOptions
        {
            ContentType = "application/json",
            CreateOnly = createOnly,
            IfMatchETag = replacingETag,
        }, cancellationToken);
    }

    /// <summary>Runs <paramref name="work"/> alone among the requests of this process for the same upload id.</summary>
    public async Task<T> ExclusiveAsync<T>(string uploadId, Func<Task<T>> work, CancellationToken cancellationToken)
    {
        var gate = _locks.GetOrAdd(uploadId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await work();
        }
        finally
        {
            gate.Release();
        }
    }
}
