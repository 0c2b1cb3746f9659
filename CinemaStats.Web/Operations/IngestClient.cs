using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;

namespace CinemaStats.Web.Operations;

public sealed class WebOptions
{
    public const string SectionName = "Web";

    /// <summary>The API key the web sends to ingest on behalf of an operator (locally the development key; in AWS a secret).</summary>
    public string? IngestApiKey { get; set; }

    /// <summary>The key of the transform's operator API (its <c>Transform:OperatorApi:Key</c>); in AWS a secret, locally unset.</summary>
    public string? TransformOperatorKey { get; set; }
}

/// <summary>The ingest API, reached by service discovery as <c>ingest</c>, called with the web's own key.</summary>
public sealed class IngestClient(HttpClient http, IOptions<WebOptions> options, ILogger<IngestClient> logger)
{
    public const string BaseAddress = "https+http://ingest";
    private const string ApiKeyHeader = "X-Api-Key";

    /// <summary>Sends one file to a source; <paramref name="progress"/> hears the bytes sent so far.</summary>
    public async Task<UploadView> UploadAsync(string source, string fileName, Stream content, long length, IProgress<long> progress, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/v1/sources/{Uri.EscapeDataString(source)}/files/{Uri.EscapeDataString(fileName)}")
        {
            Content = new ProgressStreamContent(content, length, progress),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var response = await SendAsync(request, cancellationToken);
        await ServiceProblems.EnsureSuccessAsync(response, "The upload was refused", cancellationToken);
        return (await response.Content.ReadFromJsonAsync<UploadView>(cancellationToken))!;
    }

    public async Task<UploadView?> UploadStatusAsync(string uploadId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/uploads/{Uri.EscapeDataString(uploadId)}");
        using var response = await SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        await ServiceProblems.EnsureSuccessAsync(response, "The upload's status could not be read", cancellationToken);
        return await response.Content.ReadFromJsonAsync<UploadView>(cancellationToken);
    }

    /// <summary>The upload's quarantined rows as ingest writes them in CSV; the caller disposes the response.</summary>
    public async Task<HttpResponseMessage> QuarantineCsvAsync(string uploadId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/uploads/{Uri.EscapeDataString(uploadId)}/quarantine.csv");
        var response = await SendAsync(request, cancellationToken, HttpCompletionOption.ResponseHeadersRead);
        try
        {
            await ServiceProblems.EnsureSuccessAsync(response, "The quarantined rows could not be read", cancellationToken);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        if (string.IsNullOrEmpty(options.Value.IngestApiKey))
        {
            throw new ServiceCallException("Uploads are not set up: the web has no ingest API key (Web:IngestApiKey).");
        }
        request.Headers.Add(ApiKeyHeader, options.Value.IngestApiKey);
        try
        {
            return await http.SendAsync(request, completion, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException)
        {
            // InvalidOperationException: service discovery found no address for ingest
            logger.LogWarning(e, "The ingest service did not answer");
            throw new ServiceCallException("The ingest service did not answer. It may be starting or stopped; try again in a moment.", e);
        }
    }
}

/// <summary>Request content that reports how much of the stream has been sent.</summary>
internal sealed class ProgressStreamContent(Stream source, long length, IProgress<long> progress) : HttpContent
{
    private const int ChunkSize = 64 * 1024;

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        await SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var buffer = new byte[ChunkSize];
        long sent = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            sent += read;
            progress.Report(sent);
        }
    }

    protected override bool TryComputeLength(out long length1)
    {
        length1 = length;
        return true;
    }
}
