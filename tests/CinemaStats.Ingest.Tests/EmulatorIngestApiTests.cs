using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using CinemaStats.Core.Layout;
using CinemaStats.Core.Storage;
using CinemaStats.TestSupport;

namespace CinemaStats.Ingest.Tests;

/// <summary>The API on S3, against the emulator: the contract, plus direct uploads and an unreachable endpoint.</summary>
public sealed class EmulatorIngestApiTests(S3Emulator emulator) : IngestApiContract
{
    private readonly string _bucket = S3Emulator.UniqueBucketName();

    protected override StorageOptions Storage()
    {
        emulator.EnsureRunning();
        return emulator.OptionsFor(_bucket);
    }

    [Fact]
    public async Task A_presigned_URL_takes_the_file_straight_to_S3_and_the_upload_is_then_stored()
    {
        using var client = Host.ClientWithKey(IngestHost.SessionsKey);
        var bytes = Encoding.UTF8.GetBytes("session_id,cinema_id\nD1,C1\n");
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));

        using var ticketResponse = await client.PostAsJsonAsync("/v1/sources/sessions/uploads",
            new { fileName = "direct.csv", size = bytes.Length, sha256, contentType = "text/csv" }, Ct);
        Assert.Equal(HttpStatusCode.Created, ticketResponse.StatusCode);
        var ticket = await ReadJsonAsync(ticketResponse);
        var id = ticket.GetProperty("uploadId").GetString()!;
        var key = ticket.GetProperty("key").GetString()!;
        Assert.True(RawObjectKey.TryParse(key, out _));
        Assert.True(ticket.GetProperty("expiresAt").GetDateTimeOffset() <= DateTimeOffset.UtcNow.AddMinutes(16));
        var awaiting = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/v1/uploads/{id}", Ct);
        Assert.Equal("awaiting-upload", awaiting.GetProperty("status").GetString());

        using var direct = new HttpClient();
        using var put = new HttpRequestMessage(HttpMethod.Put, ticket.GetProperty("url").GetString()) { Content = new ByteArrayContent(bytes) };
        foreach (var header in ticket.GetProperty("headers").EnumerateObject())
        {
            if (!put.Headers.TryAddWithoutValidation(header.Name, header.Value.GetString()))
            {
                put.Content.Headers.TryAddWithoutValidation(header.Name, header.Value.GetString());
            }
        }
        put.Content.Headers.ContentType = new("text/csv");
        using var uploaded = await direct.SendAsync(put, Ct);
        Assert.True(uploaded.IsSuccessStatusCode, await uploaded.Content.ReadAsStringAsync(Ct));

        var stored = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/v1/uploads/{id}", Ct);
        Assert.Equal("stored", stored.GetProperty("status").GetString());
        var head = await Host.Store.HeadAsync(key, Ct);
        Assert.Equal(sha256, head!.Metadata[RawObjectMetadata.Sha256]);
        Assert.Equal("sessions-vendor", head.Metadata[RawObjectMetadata.Uploader]);

        using var again = await client.PostAsJsonAsync("/v1/sources/sessions/uploads", new { fileName = "direct.csv", size = bytes.Length, sha256 }, Ct);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var repeat = await ReadJsonAsync(again);
        Assert.Equal(id, repeat.GetProperty("uploadId").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, repeat.GetProperty("url").ValueKind);
    }

    [Theory]
    [InlineData("{\"fileName\":\"a.csv\",\"size\":10}", "sha256", HttpStatusCode.BadRequest)]
    [InlineData("{\"fileName\":\"a.csv\",\"size\":0,\"sha256\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"}", "size in bytes", HttpStatusCode.BadRequest)]
    [InlineData("{\"fileName\":\"a.csv\",\"size\":99999999999,\"sha256\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"}", "limited to", HttpStatusCode.RequestEntityTooLarge)]
    [InlineData("{\"fileName\":\"../a.csv\",\"size\":10,\"sha256\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"}", "plain name", HttpStatusCode.BadRequest)]
    public async Task A_direct_upload_request_must_declare_a_safe_name_a_bounded_size_and_a_hash(string json, string hint, HttpStatusCode status)
    {
        using var client = Host.ClientWithKey(IngestHost.SessionsKey);
        using var response = await client.PostAsync("/v1/sources/sessions/uploads", new StringContent(json, Encoding.UTF8, "application/json"), Ct);
        await AssertProblemAsync(response, status, hint);
        Assert.Empty(await KeysAsync("_pipeline/uploads/"));
    }

    [Fact]
    public async Task An_unreachable_S3_endpoint_gives_503()
    {
        var options = emulator.OptionsFor(_bucket);
        options.ServiceUrl = "http://127.0.0.1:9";
        options.CreateBucket = false;
        await using var host = new IngestHost(options);
        using var client = host.ClientWithKey(IngestHost.AllSourcesKey);

        using var response = await client.PutAsync("/v1/sources/sessions/files/a.csv",
            IngestHost.Body(Encoding.UTF8.GetBytes("session_id,cinema_id\nS1,C1\n")), Ct);

        await AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable, "again");
        Assert.Equal(TimeSpan.FromSeconds(30), response.Headers.RetryAfter?.Delta);
    }
}
