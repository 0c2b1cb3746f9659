using System.Net.Http.Json;
using System.Text.Json;

namespace CinemaStats.Web.Operations;

/// <summary>Turns a failed response of ingest or transform (RFC 7807 problem details) into a sentence for the page.</summary>
public static class ServiceProblems
{
    public static async Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }
        string? detail = null;
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            detail = problem.TryGetProperty("detail", out var d) ? d.GetString() : problem.TryGetProperty("title", out var t) ? t.GetString() : null;
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            // not a problem document: say what the status means
        }
        throw new ServiceCallException($"{what}: {detail ?? response.ReasonPhrase ?? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)}");
    }
}
