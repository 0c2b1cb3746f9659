using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CinemaStats.Core.Layout;
using CinemaStats.Core.Pipeline;
using CinemaStats.Core.Storage;
using CinemaStats.Ingest.Uploads;

namespace CinemaStats.Ingest.Tests;

/// <summary>Every endpoint and every error of the ingest API, run on each kind of storage.</summary>
public abstract class IngestApiContract : IAsyncDisposable
{
    private const string Csv = "session_id,cinema_id,screen_id,showtime_local,cinema_tz,currency\nS1,C1,1,2026-03-06 19:30,Europe/London,GBP\n";

    private IngestHost? _host;

    protected abstract StorageOptions Storage();

    protected IngestHost Host => _host ??= CreateHost();

    protected virtual IngestHost CreateHost(Dictionary<string, string?>? settings = null, Func<IObjectStore, IObjectStore>? wrap = null) =>
        new(Storage(), wrap, settings);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_file_is_stored_untouched_with_its_hash_and_sender()
    {
        using var client = Host.ClientWithKey(IngestHost.SessionsKey);
        var bytes = Encoding.UTF8.GetBytes(Csv);

        using var response = await client.PutAsync("/v1/sources/sessions/files/Séances 6 mars.csv", IngestHost.Body(bytes), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await ReadJsonAsync(response);
        var id = body.GetProperty("uploadId").GetString()!;
        var key = body.GetProperty("key").GetString()!;
        Assert.Equal($"/v1/uploads/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("stored", body.GetProperty("status").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), body.GetProperty("sha256").GetString());
        Assert.Equal(bytes.Length, body.GetProperty("size").GetInt64());
        Assert.True(RawObjectKey.TryParse(key, out var raw));
        Assert.Equal(("sessions", ".csv"), (raw.Source, raw.Extension));

        var head = await Host.Store.HeadAsync(key, Ct);
        Assert.NotNull(head);
        Assert.Equal(bytes, await ReadAllAsync(key));
        Assert.Equal("text/csv", head.ContentType);
        Assert.Equal("Séances 6 mars.csv", head.Metadata[RawObjectMetadata.OriginalName]);
        Assert.Equal("sessions-vendor", head.Metadata[RawObjectMetadata.Uploader]);
        Assert.Equal(body.GetProperty("sha256").GetString(), head.Metadata[RawObjectMetadata.Sha256]);
    }

    [Fact]
    public async Task The_same_content_sent_again_returns_the_first_upload_and_stores_nothing_new()
    {
        using var client = Host.ClientWithKey(IngestHost.AllSourcesKey);
        var bytes = Encoding.UTF8.GetBytes(Csv + "S2,C1,1,2026-03-06 21:00,Europe/London,GBP\n");

        using var first = await client.PutAsync("/v1/sources/sessions/files/day.csv", IngestHost.Body(bytes), Ct);
        using var again = await client.PutAsync("/v1/sources/sessions/files/day-resent.csv", IngestHost.Body(bytes), Ct);
        using var otherSource = await client.PutAsync("/v1/sources/films/files/day.csv", IngestHost.Body(bytes), Ct);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.Created, otherSource.StatusCode);
        var id = (await ReadJsonAsync(first)).GetProperty("uploadId").GetString();
        Assert.Equal(id, (await ReadJsonAsync(again)).GetProperty("uploadId").GetString());
        Assert.NotEqual(id, (await ReadJsonAsync(otherSource)).GetProperty("uploadId").GetString());
        Assert.Single(await KeysAsync("raw/sessions/"));
    }

    [Fact]
    public async Task A_gzip_file_is_kept_compressed_as_sent()
    {
        using var client = Host.ClientWithKey(IngestHost.AllSourcesKey);
        var gz = Gzip(Encoding.UTF8.GetBytes("{\"transaction_id\":\"T1\",\"line_no\":1}\n"));

        using var response = await client.PutAsync("/v1/sources/pos_transactions/files/pos.jsonl.gz", IngestHost.Body(gz, "application/gzip"), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var key = (await ReadJsonAsync(response)).GetProperty("key").GetString()!;
        Assert.EndsWith(".jsonl.gz", key);
        Assert.Equal(gz, await ReadAllAsync(key));
    }

    [Fact]
    public async Task Without_a_key_the_answer_is_401_and_with_another_sources_key_403()
    {
        using var anonymous = Host.ClientWithKey(null);
        using var wrongKey = Host.ClientWithKey("not-a-key");
        using var filmsOnly = Host.ClientWithKey(IngestHost.FilmsKey);
        var bytes = Encoding.UTF8.GetBytes(Csv);

        using var noKey = await anonymous.PutAsync("/v1/sources/sessions/files/a.csv", IngestHost.Body(bytes), Ct);
        using var unknown = await wrongKey.PutAsync("/v1/sources/sessions/files/a.csv", IngestHost.Body(bytes), Ct);
        using var forbidden = await filmsOnly.PutAsync("/v1/sources/sessions/files/a.csv", IngestHost.Body(bytes), Ct);
        var bearer = Host.ClientWithKey(null);
        bearer.DefaultRequestHeaders.Authorization = new("Bearer", IngestHost.SessionsKey);
        using var viaBearer = await bearer.PutAsync("/v1/sources/sessions/files/a.csv", IngestHost.Body(bytes), Ct);

        await AssertProblemAsync(noKey, HttpStatusCode.Unauthorized, "X-Api-Key");
        Assert.Contains("ApiKey", noKey.Headers.WwwAuthenticate.ToString());
        await AssertProblemAsync(unknown, HttpStatusCode.Unauthorized, "not one of this service's keys");
        await AssertProblemAsync(forbidden, HttpStatusCode.Forbidden, "sessions");
        Assert.Equal(HttpStatusCode.Created, viaBearer.StatusCode);
        Assert.Single(await KeysAsync("raw/"));
    }

    [Fact]
    public async Task A_key_cannot_see_the_uploads_of_sources_it_may_not_send()
    {
        using var sessions = Host.ClientWithKey(IngestHost.SessionsKey);
        using var films = Host.ClientWithKey(IngestHost.FilmsKey);
        using var stored = await sessions.PutAsync("/v1/sources/sessions/files/a.csv", IngestHost.Body(Encoding.UTF8.GetBytes(Csv)), Ct);
        var id = (await ReadJsonAsync(stored)).GetProperty("uploadId").GetString();

        using var own = await sessions.GetAsync($"/v1/uploads/{id}", Ct);
        using var other = await films.GetAsync($"/v1/uploads/{id}", Ct);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        await AssertProblemAsync(other, HttpStatusCode.NotFound, id!);
    }

    public static TheoryData<string, string, string?, HttpStatusCode, string> BadUploads => new()
    {
        { "tickets", "a.csv", "text/csv", HttpStatusCode.NotFound, "Known sources" },
        { "sessions", "..%2F..%2Fetc%2Fpasswd.csv", "text/csv", HttpStatusCode.BadRequest, "plain name" },
        { "sessions", "bell%07.csv", "text/csv", HttpStatusCode.BadRequest, "control character" },
        { "sessions", new string('a', 201) + ".csv", "text/csv", HttpStatusCode.BadRequest, "1 to 200 characters" },
        { "sessions", ".hidden.csv", "text/csv", HttpStatusCode.BadRequest, "plain name" },
        { "sessions", "%2Fetc%2Fcinema%2Fx.csv", "text/csv", HttpStatusCode.BadRequest, "an absolute path is not accepted" },
        { "sessions", "%252Fetc%252Fx.csv", "text/csv", HttpStatusCode.BadRequest, "an absolute path is not accepted" },
        { "sessions", "C%3Asessions.csv", "text/csv", HttpStatusCode.BadRequest, "a drive letter is not accepted" },
        { "sessions", "%5C%5Cserver%5Cshare%5Cx.csv", "text/csv", HttpStatusCode.BadRequest, "a network (UNC) path is not accepted" },
        { "sessions", "CON.csv", "text/csv", HttpStatusCode.BadRequest, "'CON' is a device name" },
        { "sessions", "file%3Astream.csv", "text/csv", HttpStatusCode.BadRequest, "':' is not accepted" },
        { "sessions", "a.xlsx", "text/csv", HttpStatusCode.BadRequest, ".csv, .tsv, .txt" },
        { "films", "a.exe", "application/json", HttpStatusCode.BadRequest, ".json, .jsonl" },
        { "sessions", "a.csv", "image/png", HttpStatusCode.UnsupportedMediaType, "Content-Type" },
        { "sessions", "a.csv", "application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType, "text/csv" },
    };

    [Theory]
    [MemberData(nameof(BadUploads))]
    public async Task A_bad_request_gets_a_problem_that_says_what_to_change_and_stores_nothing(
        string source, string name, string? contentType, HttpStatusCode status, string hint)
    {
        using var client = Host.ClientWithKey(IngestHost.AllSourcesKey);
        using var response = await client.PutAsync($"/v1/sources/{source}/files/{name}", IngestHost.Body(Encoding.UTF8.GetBytes(Csv), contentType), Ct);
        await AssertProblemAsync(response, status, hint);
        await AssertNothingStoredAsync();
    }

    public static TheoryData<string, string, byte[], string> MisleadingContent => new()
    {
        { "sessions", "empty.csv", [], "no content" },
        { "sessions", "book.csv", [0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4], "ZIP archive" },
        { "sessions", "blob.csv", [0x61, 0x2C, 0x00, 0x01, 0x02, 0x0A], "binary data" },
        { "sessions", "latin1.csv", Encoding.Latin1.GetBytes("titre\nAmélie\n"), "not UTF-8" },
        { "sessions", "plain.csv.gz", Encoding.UTF8.GetBytes(Csv), "not gzip-compressed" },
        { "sessions", "inner.csv.gz", Gzip([0x50, 0x4B, 0x03, 0x04, 9, 9]), "ZIP archive" },
        { "films", "films.json", Encoding.UTF8.GetBytes("Title,Director\n"), "does not start with" },
        { "pos_transactions", "lines.json", Encoding.UTF8.GetBytes("[{\"transaction_id\":\"T1\"},\n{\"transaction_id\":\"T2\"}]\n"), "is a JSON array, but source 'pos_transactions' takes JSON Lines" },
        { "sessions", "packed.csv", Gzip(Encoding.UTF8.GetBytes(Csv)), "name it with a .gz ending" },
    };

    [Theory]
    [MemberData(nameof(MisleadingContent))]
    public async Task Content_that_is_not_what_its_name_says_is_refused(string source, string name, byte[] content, string hint)
    {
        using var client = Host.ClientWithKey(IngestHost.AllSourcesKey);
        using var response = await client.PutAsync($"/v1/sources/{source}/files/{name}", IngestHost.Body(content, "application/octet-stream"), Ct);
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, hint);
        await AssertNothingStoredAsync();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_file_over_the_limit_gets_413_whether_declared_or_found_midway(bool declareLength)
    {
        await using var host = CreateHost(new() { ["Ingest:MaxUploadBytes"] = "1024" });
        using var client = host.ClientWithKey(IngestHost.AllSourcesKey);
        var bytes = Encoding.UTF8.GetBytes(Csv + string.Concat(Enumerable.Repeat("S9,C1,1,2026-03-06 19:30,Europe/London,GBP\n", 40)));
        HttpContent content = declareLength ? IngestHost.Body(bytes) : new StreamContent(new UnknownLengthStream(bytes));
        content.Headers.ContentType = new("text/csv");

        using var response = await client.PutAsync("/v1/sources/sessions/files/big.csv", content, Ct);

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "1,024 bytes");
        Assert.Empty(await KeysAsync("raw/", host.Store));
    }

    [Fact]
    public async Task When_storage_fails_the_answer_is_503_with_retry_after_nothing_is_stored_and_a_retry_succeeds()
    {
        var failing = (RawWritesFailStore?)null;
        await using var host = CreateHost(wrap: store => failing = new RawWritesFailStore(store));
        using var client = host.ClientWithKey(IngestHost.AllSourcesKey);

        using var response = await client.PutAsync("/v1/sources/sessions/files/a.csv", IngestHost.Body(Encoding.UTF8.GetBytes(Csv)), Ct);

        await AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable, "Nothing was stored");
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Empty(await KeysAsync("raw/", host.Store));
        // Like the ingest role in AWS, the store refuses deletes: the failed upload is marked, not removed,
        // and counts for nothing — its status is unknown and the same file sent again is accepted at once.
        var id = UploadId.For("sessions", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Csv))));
        using var status = await client.GetAsync($"/v1/uploads/{id}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, status.StatusCode);

        failing!.RawWritesFail = false;
        using var retry = await client.PutAsync("/v1/sources/sessions/files/a.csv", IngestHost.Body(Encoding.UTF8.GetBytes(Csv)), Ct);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Single(await KeysAsync("raw/", host.Store));
    }

    [Fact]
    public async Task The_status_of_an_upload_follows_the_pipeline()
    {
        using var client = Host.ClientWithKey(IngestHost.AllSourcesKey);
        using var stored = await client.PutAsync("/v1/sources/sessions/files/a.csv", IngestHost.Body(Encoding.UTF8.GetBytes(Csv)), Ct);
        var body = await ReadJsonAsync(stored);
        var id = body.GetProperty("uploadId").GetString();
        Assert.True(RawObjectKey.TryParse(body.GetProperty("key").GetString()!, out var raw));
        var ledger = new RawObjectLedger(Host.Store);

        var asStored = await GetStatusAsync(client, id!);
        await ledger.MarkRunningAsync(raw, Ct);
        var asProcessing = await GetStatusAsync(client, id!);
        await ledger.RecordAsync(raw, new RawObjectStatus(raw.ToString(), RawObjectStatus.Processed, 10, 8, 2, [], null, DateTimeOffset.UtcNow), Ct);
        await ledger.ClearRunningAsync(raw, Ct);
        var asProcessed = await GetStatusAsync(client, id!);
        await ledger.RecordAsync(raw, new RawObjectStatus(raw.ToString(), RawObjectStatus.Failed, 0, 0, 0, [], "the header lacks session_id", DateTimeOffset.UtcNow), Ct);
        var asFailed = await GetStatusAsync(client, id!);

        Assert.Equal("stored", asStored.GetProperty("status").GetString());
        Assert.Equal("processing", asProcessing.GetProperty("status").GetString());
        Assert.Equal("processed", asProcessed.GetProperty("status").GetString());
        Assert.Equal((10, 8, 2), (asProcessed.GetProperty("rowsIn").GetInt32(), asProcessed.GetProperty("rowsOut").GetInt32(), asProcessed.GetProperty("rowsQuarantined").GetInt32()));
        Assert.Equal("failed", asFailed.GetProperty("status").GetString());
        Assert.Equal("the header lacks session_id", asFailed.GetProperty("error").GetString());

        using var malformed = await client.GetAsync("/v1/uploads/..%2Fsecrets", Ct);
        using var missing = await client.GetAsync($"/v1/uploads/{new string('0', 32)}", Ct);
        await AssertProblemAsync(malformed, HttpStatusCode.BadRequest, "32 lower-case hex digits");
        await AssertProblemAsync(missing, HttpStatusCode.NotFound, "no upload");
    }

    [Fact]
    public async Task A_processed_upload_reports_its_quality_and_lists_its_quarantined_rows_as_CSV()
    {
        using var client = Host.ClientWithKey(IngestHost.AllSourcesKey);
        using var stored = await client.PutAsync("/v1/sources/sessions/files/a.csv", IngestHost.Body(Encoding.UTF8.GetBytes(Csv)), Ct);
        var id = (await ReadJsonAsync(stored)).GetProperty("uploadId").GetString()!;
        Assert.True(RawObjectKey.TryParse((await GetStatusAsync(client, id)).GetProperty("key").GetString()!, out var raw));
        var earlier = new RawObjectKey("sessions", raw.IngestDate, new string('e', 32), ".csv");
        var later = new RawObjectKey("sessions", raw.IngestDate, new string('f', 32), ".csv");
        await new RawObjectLedger(Host.Store).RecordAsync(raw, new RawObjectStatus(raw.ToString(), RawObjectStatus.Processed, 5, 3, 2, [], null, DateTimeOffset.UtcNow)
        {
            QuarantinedByReason = new Dictionary<string, long> { ["duplicate"] = 1, ["invalid_capacity"] = 1 },
            FlaggedByFlag = new Dictionary<string, long> { ["capacity_missing"] = 2 },
        }, Ct);
        await Host.Store.PutTextAsync(PipelineKey.Quarantine(id), string.Join("\n",
            JsonSerializer.Serialize(new QuarantinedRow(raw.ToString(), 3, "session_id", "duplicate of line 2 (the same row again; line 2 is kept)", "S1,C1,1", "duplicate")),
            JsonSerializer.Serialize(new QuarantinedRow(raw.ToString(), 5, "capacity", "'1,5' is not a whole number of seats", "=S9;C1;\"x\"", "invalid_capacity"))) + "\n",
            "application/x-ndjson", Ct);
        await new Supersessions(Host.Store).WriteAsync("fact_session", "2026-03-06",
            [new("fact_session", "2026-03-06", raw.ToString(), earlier.ToString(), 4, "2-5"), new("fact_session", "2026-03-06", later.ToString(), raw.ToString(), 1, "2")], Ct);
        await new Supersessions(Host.Store).WriteAsync("fact_session", "2026-03-07", [new("fact_session", "2026-03-07", later.ToString(), earlier.ToString(), 7, "1-7")], Ct);

        var quality = (await GetStatusAsync(client, id)).GetProperty("quality");
        using var csv = await client.GetAsync($"/v1/uploads/{id}/quarantine.csv", Ct);
        using var otherKey = Host.ClientWithKey(IngestHost.FilmsKey);
        using var hidden = await otherKey.GetAsync($"/v1/uploads/{id}/quarantine.csv", Ct);

        Assert.Equal((5, 3, 2), (quality.GetProperty("rowsIn").GetInt32(), quality.GetProperty("rowsOut").GetInt32(), quality.GetProperty("rowsQuarantined").GetInt32()));
        Assert.Equal("""{"duplicate":1,"invalid_capacity":1}""", quality.GetProperty("quarantinedByReason").GetRawText());
        Assert.Equal("""{"capacity_missing":2}""", quality.GetProperty("flaggedByFlag").GetRawText());
        Assert.Equal((4, 1), (quality.GetProperty("rowsSupersedingEarlier").GetInt32(), quality.GetProperty("rowsSupersededLater").GetInt32()));
        Assert.Equal(2, quality.GetProperty("supersessions").GetArrayLength()); // the 2026-03-07 one names other uploads only
        Assert.Equal($"/v1/uploads/{id}/quarantine", quality.GetProperty("quarantinedRows").GetString());
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal(
            "line,code,field,reason,raw,source_object\r\n" +
            $"3,duplicate,session_id,duplicate of line 2 (the same row again; line 2 is kept),\"S1,C1,1\",{raw}\r\n" +
            $"5,invalid_capacity,capacity,\"'1,5' is not a whole number of seats\",\"'=S9;C1;\"\"x\"\"\",{raw}\r\n",
            await csv.Content.ReadAsStringAsync(Ct));
        await AssertProblemAsync(hidden, HttpStatusCode.NotFound, "no upload");
    }

    [Fact]
    public async Task The_sources_and_the_OpenAPI_document_describe_the_API()
    {
        using var client = Host.ClientWithKey(null);

        var sources = await client.GetFromJsonAsync<JsonElement>("/v1/sources", Ct);
        var openApi = await client.GetStringAsync("/openapi/v1.json", Ct);

        Assert.Equal(["sessions", "pos_transactions", "films", "cinemas"], sources.EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        var sessions = sources.EnumerateArray().First();
        Assert.Contains(".csv.gz", sessions.GetProperty("fileEndings").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("/v1/sources/{source}/files/{name}", openApi);
        Assert.Contains("/v1/sources/{source}/uploads", openApi);
        Assert.Contains("/v1/uploads/{id}", openApi);
        Assert.Contains("/v1/uploads/{id}/quarantine.csv", openApi);
        Assert.Contains("rowsSupersededLater", openApi);
    }

    [Fact]
    public async Task Fifty_parallel_uploads_lose_nothing_and_duplicate_nothing()
    {
        using var client = Host.ClientWithKey(IngestHost.AllSourcesKey);
        var files = Enumerable.Range(0, 50).Select(i => Encoding.UTF8.GetBytes(Csv + $"P{i},C1,1,2026-03-06 19:30,Europe/London,GBP\n")).ToList();
        var identical = Encoding.UTF8.GetBytes(Csv + "SAME,C1,1,2026-03-06 19:30,Europe/London,GBP\n");

        var distinct = files.Select((bytes, i) => client.PutAsync($"/v1/sources/sessions/files/p{i}.csv", IngestHost.Body(bytes), Ct));
        var repeats = Enumerable.Range(0, 10).Select(i => client.PutAsync($"/v1/sources/sessions/files/same{i}.csv", IngestHost.Body(identical), Ct));
        var responses = await Task.WhenAll(distinct.Concat(repeats));

        var distinctResults = responses.Take(50).ToList();
        Assert.All(distinctResults, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var bodies = await Task.WhenAll(distinctResults.Select(ReadJsonAsync));
        Assert.Equal(50, bodies.Select(b => b.GetProperty("uploadId").GetString()).Distinct().Count());
        var repeatResults = responses.Skip(50).ToList();
        Assert.Equal(1, repeatResults.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(9, repeatResults.Count(r => r.StatusCode == HttpStatusCode.OK));
        var keys = await KeysAsync("raw/sessions/");
        Assert.Equal(51, keys.Count);
        foreach (var (bytes, i) in files.Select((b, i) => (b, i)))
        {
            var key = bodies[i].GetProperty("key").GetString()!;
            Assert.Equal(bytes, await ReadAllAsync(key));
        }
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    protected async Task<List<string>> KeysAsync(string prefix, IObjectStore? store = null)
    {
        var keys = new List<string>();
        await foreach (var head in (store ?? Host.Store).ListAllAsync(prefix, Ct))
        {
            keys.Add(head.Key);
        }
        return keys;
    }

    protected async Task AssertNothingStoredAsync()
    {
        Assert.Empty(await KeysAsync("raw/"));
        Assert.Empty(await KeysAsync("_pipeline/uploads/"));
    }

    protected static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

    protected static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string hint)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.Contains(hint, problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<JsonElement> GetStatusAsync(HttpClient client, string id)
    {
        using var response = await client.GetAsync($"/v1/uploads/{id}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ReadJsonAsync(response);
    }

    private async Task<byte[]> ReadAllAsync(string key)
    {
        await using var stream = await Host.Store.OpenReadAsync(key, Ct);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, Ct);
        return copy.ToArray();
    }

    protected static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var zip = new GZipStream(output, CompressionLevel.Fastest))
        {
            zip.Write(bytes);
        }
        return output.ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
        CleanUp();
        GC.SuppressFinalize(this);
    }

    /// <summary>Removes what the storage of this test left behind (the test runner calls only <see cref="DisposeAsync"/>).</summary>
    protected virtual void CleanUp()
    {
    }

    /// <summary>A request body sent chunked: the server learns its size only by reading it.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }

    /// <summary>A real store whose raw writes fail as if S3 had gone away, and which refuses deletes as the AWS ingest role does.</summary>
    private sealed class RawWritesFailStore(IObjectStore inner) : IObjectStore
    {
        public bool RawWritesFail { get; set; } = true;

        public Task<ObjectHead> PutAsync(string key, Stream content, ObjectWriteOptions? options = null, CancellationToken cancellationToken = default) =>
            RawWritesFail && key.StartsWith(RawObjectKey.Root, StringComparison.Ordinal)
                ? throw new ObjectStoreUnavailableException("S3 could not be reached.")
                : inner.PutAsync(key, content, options, cancellationToken);

        public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken = default) => inner.OpenReadAsync(key, cancellationToken);
        public Task<ObjectHead?> HeadAsync(string key, CancellationToken cancellationToken = default) => inner.HeadAsync(key, cancellationToken);
        public Task<ObjectListPage> ListAsync(string prefix, string? continuationToken = null, int pageSize = 1000, CancellationToken cancellationToken = default) =>
            inner.ListAsync(prefix, continuationToken, pageSize, cancellationToken);
        public Task DeleteAsync(string key, CancellationToken cancellationToken = default) =>
            throw new UnauthorizedAccessException("s3:DeleteObject is not allowed for the ingest role.");
        public Task<ObjectHead> CopyAsync(string sourceKey, string destinationKey, string? sourceETag = null, CancellationToken cancellationToken = default) =>
            inner.CopyAsync(sourceKey, destinationKey, sourceETag, cancellationToken);
    }
}
