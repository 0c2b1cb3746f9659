using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CinemaStats.Core.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CinemaStats.Transform.Tests;

/// <summary>The operator's questions after a bad upload, asked over HTTP of the running worker.</summary>
public sealed class OperatorApiTests : IAsyncDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "cinemastats-operator-" + Guid.NewGuid().ToString("N"));
    private readonly WebApplicationFactory<Program> _worker;

    public OperatorApiTests()
    {
        _worker = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Storage:Mode", "Filesystem");
            b.UseSetting("Storage:RootPath", _root);
            b.UseSetting("Transform:ReconcileInterval", "00:00:00.200");
            b.UseSetting("Transform:FreshnessDeadlines:sessions", "01:00:00");
        });
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_operator_finds_what_failed_which_rows_why_and_reruns_it()
    {
        using var client = _worker.CreateClient();
        var harness = new PipelineHarness(new FileSystemObjectStore(_root));
        var unreadable = await harness.PutSessionsAsync("title,seats\nDune,100\n");
        var partly = await harness.PutSessionsAsync(PipelineContract.HeaderForTests +
            "S1,C1,1,100,Dune,2026-03-06 19:30,Europe/London,GBP\nS2,C1,1,80,Dune,yesterday,Europe/London,GBP\nS3,C1,1,,Dune,2026-03-06 21:00,Europe/London,GBP\n");

        var failed = await PollAsync(client, "/v1/raw-objects?status=failed", e => e.GetArrayLength() == 1);
        Assert.Equal(unreadable.ToString(), failed[0].GetProperty("rawKey").GetString());
        Assert.Contains("session_id", failed[0].GetProperty("error").GetString());

        var quarantine = await PollAsync(client, $"/v1/uploads/{partly.UploadId}/quarantine", e => e.GetProperty("rows").GetInt32() == 1);
        var row = quarantine.GetProperty("quarantined")[0];
        Assert.Equal(3, row.GetProperty("line").GetInt32());
        Assert.Equal("showtime_local", row.GetProperty("field").GetString());
        Assert.Contains("yesterday", row.GetProperty("reason").GetString());
        Assert.Equal("invalid_showtime_local", row.GetProperty("code").GetString());

        var flagged = await PollAsync(client, $"/v1/uploads/{partly.UploadId}/flagged", e => e.GetProperty("rows").GetArrayLength() == 1);
        Assert.Equal("""{"table":"stg_sessions","businessDate":"2026-03-06","line":4,"key":"S3","flags":"capacity_missing"}""", flagged.GetProperty("rows")[0].GetRawText());
        Assert.False(flagged.GetProperty("truncated").GetBoolean());
        using var badId = await client.GetAsync("/v1/uploads/..%2Fx/flagged", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badId.StatusCode);

        var assets = await PollAsync(client, "/v1/assets", e => e.EnumerateArray().Any(a => a.GetProperty("name").GetString() == "fact_session"
            && a.GetProperty("partitionsByStatus").TryGetProperty("materialized", out var n) && n.GetInt32() == 1));
        var lineage = await client.GetFromJsonAsync<JsonElement>("/v1/lineage", Ct);
        Assert.Contains(lineage.GetProperty("edges").EnumerateArray(), e => e.GetProperty("from").GetString() == "stg_sessions" && e.GetProperty("to").GetString() == "fact_session");
        Assert.Contains(lineage.GetProperty("nodes").EnumerateArray(), n => n.GetProperty("id").GetString() == "raw/sessions" && n.GetProperty("kind").GetString() == "source");
        var partitions = await client.GetFromJsonAsync<JsonElement>("/v1/assets/fact_session/partitions", Ct);
        Assert.Equal("2026-03-06", partitions[0].GetProperty("partition").GetString());
        var freshness = await client.GetFromJsonAsync<JsonElement>("/v1/freshness", Ct);
        Assert.Contains(freshness.EnumerateArray(), f => f.GetProperty("source").GetString() == "sessions" && !f.GetProperty("late").GetBoolean());

        using var invalid = await client.PostAsJsonAsync("/v1/reprocess", new { from = "2026-03-09", to = "2026-03-01" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("from on or before to", await invalid.Content.ReadAsStringAsync(Ct));
        using var nothing = await client.PostAsJsonAsync("/v1/reprocess", new { }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, nothing.StatusCode);

        using var backfill = await client.PostAsJsonAsync("/v1/reprocess", new { from = "2026-03-06", to = "2026-03-06" }, Ct);
        Assert.Equal(HttpStatusCode.Accepted, backfill.StatusCode);
        var runs = await PollAsync(client, "/v1/runs?limit=10", e => e.EnumerateArray().Any(r => r.GetProperty("trigger").GetString()!.StartsWith("reprocess(2026-03-06")
            && r.GetProperty("status").GetString() == "succeeded"));
        var rerun = runs.EnumerateArray().First(r => r.GetProperty("trigger").GetString()!.StartsWith("reprocess"));
        Assert.Contains(rerun.GetProperty("partitions").EnumerateArray(), p => p.GetProperty("asset").GetString() == "fact_session" && p.GetProperty("partition").GetString() == "2026-03-06");
        using var one = await client.GetAsync($"/v1/runs/{rerun.GetProperty("runId").GetString()}", Ct);
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        using var missing = await client.GetAsync("/v1/runs/no-such-run", Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private static async Task<JsonElement> PollAsync(HttpClient client, string path, Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonElement last = default;
        while (DateTime.UtcNow < deadline)
        {
            last = await client.GetFromJsonAsync<JsonElement>(path, Ct);
            if (done(last))
            {
                return last;
            }
            await Task.Delay(200, Ct);
        }
        Assert.Fail($"{path} did not reach the expected state within 30 s; last answer: {last}");
        return last;
    }

    public async ValueTask DisposeAsync()
    {
        await _worker.DisposeAsync();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
