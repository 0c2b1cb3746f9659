using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace CinemaStats.Web.Tests.Athena;

/// <summary>A request as it reached the wire, kept after the message itself is disposed.</summary>
public sealed record RecordedRequest(
    HttpMethod Method,
    Uri Uri,
    string Operation,
    IReadOnlyDictionary<string, string> Headers,
    string? ContentType,
    byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    public string Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : "";
}

/// <summary>
/// Stands in for Athena: answers each operation (by <c>X-Amz-Target</c>) from its own queue of
/// canned responses, repeating the last one when the queue runs dry, and records every request.
/// </summary>
public sealed class CannedAthenaHandler : HttpMessageHandler
{
    private readonly ConcurrentDictionary<string, Queue<(HttpStatusCode Status, string Json)>> _responses = new();
    private readonly List<RecordedRequest> _requests = [];

    /// <summary>Runs as each request arrives, before it is answered (to cancel mid-flight, for example).</summary>
    public Action<RecordedRequest>? OnRequest { get; set; }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get { lock (_requests) { return _requests.ToList(); } }
    }

    public IReadOnlyList<RecordedRequest> Calls(string operation) => Requests.Where(r => r.Operation == operation).ToList();

    public CannedAthenaHandler Respond(string operation, string json, HttpStatusCode status = HttpStatusCode.OK)
    {
        _responses.GetOrAdd(operation, _ => new Queue<(HttpStatusCode, string)>()).Enqueue((status, json));
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var headers = request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(",", h.Value));
        var target = headers.GetValueOrDefault("x-amz-target", "");
        var operation = target.StartsWith("AmazonAthena.", StringComparison.Ordinal) ? target["AmazonAthena.".Length..] : target;
        var recorded = new RecordedRequest(request.Method, request.RequestUri!, operation, headers,
            request.Content?.Headers.ContentType?.ToString(), body);
        lock (_requests)
        {
            _requests.Add(recorded);
        }
        OnRequest?.Invoke(recorded);

        if (!_responses.TryGetValue(operation, out var queue) || queue.Count == 0)
        {
            throw new InvalidOperationException($"No canned response for {operation}.");
        }
        var (status, json) = queue.Count > 1 ? queue.Dequeue() : queue.Peek();
        return new HttpResponseMessage(status)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/x-amz-json-1.1"),
            RequestMessage = request,
        };
    }
}
