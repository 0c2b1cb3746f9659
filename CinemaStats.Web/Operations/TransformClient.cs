using System.Net.Http.Json;

namespace CinemaStats.Web.Operations;

/// <summary>The transform's operator API, reached by service discovery as <c>transform</c>.</summary>
public sealed class TransformClient(HttpClient http, ILogger<TransformClient> logger)
{
    public const string BaseAddress = "https+http://transform";

    /// <summary>The header the transform's operator API reads its service key from.</summary>
    public const string OperatorKeyHeader = "X-Operator-Key";

    /// <summary>Points the client at the transform and, when a key is configured, sends it on every call.</summary>
    public static void Configure(HttpClient client, WebOptions options)
    {
        client.BaseAddress = new Uri(BaseAddress);
        if (!string.IsNullOrEmpty(options.TransformOperatorKey))
        {
            client.DefaultRequestHeaders.Add(OperatorKeyHeader, options.TransformOperatorKey);
        }
    }

    public Task<List<AssetView>> AssetsAsync(CancellationToken cancellationToken) => GetAsync<List<AssetView>>("/v1/assets", cancellationToken);

    public Task<LineageView> LineageAsync(CancellationToken cancellationToken) => GetAsync<LineageView>("/v1/lineage", cancellationToken);

    public Task<List<RunView>> RunsAsync(int limit, CancellationToken cancellationToken) => GetAsync<List<RunView>>($"/v1/runs?limit={limit}", cancellationToken);

    public Task<List<Core.Pipeline.AssetPartitionState>> PartitionsAsync(string asset, CancellationToken cancellationToken) =>
        GetAsync<List<Core.Pipeline.AssetPartitionState>>($"/v1/assets/{Uri.EscapeDataString(asset)}/partitions", cancellationToken);

    public Task<List<Core.Pipeline.RawObjectStatus>> FailedRawObjectsAsync(CancellationToken cancellationToken) =>
        GetAsync<List<Core.Pipeline.RawObjectStatus>>("/v1/raw-objects?status=failed", cancellationToken);

    public Task<QuarantineView> QuarantineAsync(string uploadId, CancellationToken cancellationToken) =>
        GetAsync<QuarantineView>($"/v1/uploads/{Uri.EscapeDataString(uploadId)}/quarantine", cancellationToken);

    public Task<FlaggedRowsView> FlaggedAsync(string uploadId, CancellationToken cancellationToken) =>
        GetAsync<FlaggedRowsView>($"/v1/uploads/{Uri.EscapeDataString(uploadId)}/flagged", cancellationToken);

    public async Task<ReprocessReceipt> ReprocessAsync(ReprocessOrder order, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => http.PostAsJsonAsync("/v1/reprocess", order, cancellationToken), "start the reprocess");
        await ServiceProblems.EnsureSuccessAsync(response, "The pipeline refused the reprocess", cancellationToken);
        return (await response.Content.ReadFromJsonAsync<ReprocessReceipt>(cancellationToken))!;
    }

    private async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => http.GetAsync(path, cancellationToken), "read the pipeline's state");
        await ServiceProblems.EnsureSuccessAsync(response, "The pipeline could not answer", cancellationToken);
        return (await response.Content.ReadFromJsonAsync<T>(cancellationToken))!;
    }

    private async Task<HttpResponseMessage> SendAsync(Func<Task<HttpResponseMessage>> send, string what)
    {
        try
        {
            return await send();
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException)
        {
            // InvalidOperationException: service discovery found no address for the transform
            logger.LogWarning(e, "The transform service did not answer");
            throw new ServiceCallException($"Could not {what}: the pipeline service did not answer. It may be starting or stopped; try again in a moment.", e);
        }
    }
}
