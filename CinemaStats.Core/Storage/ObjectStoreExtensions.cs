using System.Runtime.CompilerServices;
using System.Text;

namespace CinemaStats.Core.Storage;

public static class ObjectStoreExtensions
{
    /// <summary>Every object under <paramref name="prefix"/>, following continuation tokens.</summary>
    public static async IAsyncEnumerable<ObjectHead> ListAllAsync(
        this IObjectStore store,
        string prefix,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? token = null;
        do
        {
            var page = await store.ListAsync(prefix, token, 1000, cancellationToken);
            foreach (var head in page.Objects)
            {
                yield return head;
            }
            token = page.ContinuationToken;
        }
        while (token is not null);
    }

    public static async Task<ObjectHead> PutTextAsync(
        this IObjectStore store, string key, string text, string contentType = "text/plain; charset=utf-8", CancellationToken cancellationToken = default)
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return await store.PutAsync(key, content, new ObjectWriteOptions { ContentType = contentType }, cancellationToken);
    }

    public static async Task<string> ReadTextAsync(this IObjectStore store, string key, CancellationToken cancellationToken = default)
    {
        await using var stream = await store.OpenReadAsync(key, cancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken);
    }
}
