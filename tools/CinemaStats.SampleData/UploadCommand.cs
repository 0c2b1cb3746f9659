using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using CinemaStats.Core.SampleData;

namespace CinemaStats.SampleData;

/// <summary>
/// <c>upload</c>: PUTs every file of the data set to the ingest API, one line of output per file.
/// Connection failures and 503s are retried with a short back-off, because the ingest service may
/// still be starting when an AppHost launches this tool next to it.
/// </summary>
internal sealed record UploadCommand(SampleDataOptions Options, Uri Ingest, string? ApiKey) : ToolCommand
{
    /// <summary>After this many failed files the cause is not the files; the rest are not tried.</summary>
    private const int MaxFailures = 10;

    private static readonly TimeSpan[] BackOff = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(15)];

    public async Task<int> RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = Ingest, Timeout = TimeSpan.FromMinutes(30) };
        var (stored, duplicates, failed) = (0, 0, 0);
        foreach (var file in SampleDataGenerator.Files(Options))
        {
            var result = await UploadAsync(http, file, output, cancellationToken);
            switch (result.Status)
            {
                case HttpStatusCode.Created:
                    stored++;
                    output.WriteLine($"{(int)result.Status} {file} upload {result.UploadId}");
                    break;
                case HttpStatusCode.OK:
                    duplicates++;
                    output.WriteLine($"{(int)result.Status} {file} upload {result.UploadId} (already uploaded)");
                    break;
                default:
                    failed++;
                    output.WriteLine($"{(int)result.Status} {file} FAILED: {result.Detail}");
                    break;
            }
            if (result.Status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden || failed >= MaxFailures)
            {
                output.WriteLine("Stopping: the remaining files would most likely fail the same way.");
                break;
            }
        }
        output.WriteLine($"{stored} stored, {duplicates} already uploaded, {failed} failed, to {Ingest}.");
        return failed == 0 ? ExitCodes.Success : ExitCodes.UploadFailed;
    }

    private sealed record UploadResult(HttpStatusCode Status, string? UploadId, string? Detail);

    private async Task<UploadResult> UploadAsync(HttpClient http, SampleFile file, TextWriter output, CancellationToken cancellationToken)
    {
        var path = $"v1/sources/{Uri.EscapeDataString(file.Source)}/files/{Uri.EscapeDataString(file.FileName)}";
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = new SampleFileContent(file) };
            if (ApiKey is not null)
            {
                request.Headers.Add("X-Api-Key", ApiKey);
            }
            try
            {
                using var response = await http.SendAsync(request, cancellationToken);
                if (response.StatusCode == HttpStatusCode.ServiceUnavailable && attempt < BackOff.Length)
                {
                    output.WriteLine($"503 {file}: the ingest service is not ready; trying again in {BackOff[attempt].TotalSeconds:0} s.");
                    await Task.Delay(BackOff[attempt], cancellationToken);
                    continue;
                }
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                return response.IsSuccessStatusCode
                    ? new UploadResult(response.StatusCode, Field(body, "uploadId"), null)
                    : new UploadResult(response.StatusCode, null, Problem(response.StatusCode, body));
            }
            catch (HttpRequestException e) when (e.StatusCode is null && attempt < BackOff.Length && IsConnectionFailure(e))
            {
                output.WriteLine($"No answer from {Ingest} ({e.Message}); trying again in {BackOff[attempt].TotalSeconds:0} s.");
                await Task.Delay(BackOff[attempt], cancellationToken);
            }
        }
    }

    private static bool IsConnectionFailure(HttpRequestException e) =>
        e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
        || e.InnerException is SocketException;

    /// <summary>The problem details' <c>detail</c> (with its title), or what to check when there is none.</summary>
    private string Problem(HttpStatusCode status, string body)
    {
        var detail = Field(body, "detail");
        var title = Field(body, "title");
        if (detail is not null)
        {
            return title is null ? detail : $"{title}: {detail}";
        }
        return status switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                $"the ingest API refused the key. Pass --api-key or set INGEST_API_KEY to a key {Ingest} accepts.",
            HttpStatusCode.NotFound => $"{Ingest} has no upload endpoint. Check that --ingest points at the ingest API.",
            _ => $"the ingest API answered {(int)status} {status} without a problem description{(body.Length > 0 ? ": " + body[..Math.Min(body.Length, 300)] : ".")}",
        };
    }

    private static string? Field(string json, string name)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty(name, out var value)
                && value.ValueKind == JsonValueKind.String
                    ? value.GetString()
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
