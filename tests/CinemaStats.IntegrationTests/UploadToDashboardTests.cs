using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Aspire.Hosting.Testing;

namespace CinemaStats.IntegrationTests;

/// <summary>
/// The walking skeleton end to end: a sessions CSV sent to ingest appears on the web app's
/// home page, per business date, with the counts and capacity sums the file holds.
/// </summary>
public abstract class UploadToDashboardTests(AppHostFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_uploaded_sessions_file_shows_on_the_dashboard_with_its_counts_and_capacity()
    {
        fixture.EnsureAvailable();
        // Dates far from any other test's, so the expected figures are this file's alone.
        var year = 2030 + Random.Shared.Next(0, 60);
        var sessions = GenerateSessions(year, seed: year);
        var csv = new StringBuilder("session_id,cinema_id,screen_id,capacity,film_title_raw,showtime_local,cinema_tz,currency\n");
        foreach (var s in sessions)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{s.Id},C1,{s.Screen},{s.Capacity},Film {s.Screen},{s.Showtime:yyyy-MM-dd HH:mm},Europe/London,GBP\n");
        }
        // Tickets sold for every other session, with one voided sale that must not count.
        var pos = new StringBuilder();
        var sold = new Dictionary<string, int>();
        foreach (var (s, i) in sessions.Select((s, i) => (s, i)).Where(x => x.i % 2 == 0))
        {
            var quantity = i % 3 + 1;
            sold[s.Id] = quantity;
            pos.Append(PosLine($"T{year}-{i}", s, quantity, "COMPLETED"));
            pos.Append(PosLine($"V{year}-{i}", s, 5, "VOID"));
        }
        // Independent of the pipeline: a show before 06:00 counts for the day before.
        static DateOnly BusinessDate(GeneratedSession s) => DateOnly.FromDateTime(s.Showtime.Hour < 6 ? s.Showtime.AddDays(-1) : s.Showtime);
        var expected = sessions
            .GroupBy(BusinessDate)
            .ToDictionary(g => g.Key, g => ((long)g.Count(), (long)g.Sum(s => s.Capacity), (long)g.Sum(s => sold.GetValueOrDefault(s.Id))));

        using var ingest = fixture.App.CreateHttpClient("ingest");
        ingest.DefaultRequestHeaders.Add("X-Api-Key", "local-dev-key");
        using var content = new StringContent(csv.ToString(), Encoding.UTF8, "text/csv");
        using var response = await ingest.PutAsync($"/v1/sources/sessions/files/sessions-{year}.csv", content, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<Dictionary<string, object>>(Ct);
        Assert.StartsWith("raw/sessions/ingest_date=", body!["key"].ToString());
        using var posContent = new StringContent(pos.ToString(), Encoding.UTF8, "application/x-ndjson");
        using var posResponse = await ingest.PutAsync($"/v1/sources/pos_transactions/files/pos-{year}.jsonl", posContent, Ct);
        Assert.Equal(HttpStatusCode.Created, posResponse.StatusCode);

        using var web = fixture.App.CreateHttpClient("web");
        Dictionary<DateOnly, (long Sessions, long Capacity, long Admissions)> shown = [];
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var page = await web.GetStringAsync($"/sessions?from={year - 1}-12-31&to={year}-12-31", Ct);
            shown = SlicePageReader.SessionsByDate(page).Where(r => r.Key.Year == year || r.Key == new DateOnly(year, 1, 1).AddDays(-1))
                .ToDictionary(r => r.Key, r => r.Value);
            if (shown.Count == expected.Count && shown.All(r => expected[r.Key] == r.Value))
            {
                break;
            }
            await Task.Delay(500, Ct);
        }

        Assert.Equal(expected.OrderBy(e => e.Key), shown.OrderBy(e => e.Key));
    }

    [Fact]
    public async Task A_bad_upload_gets_a_problem_a_person_can_act_on()
    {
        fixture.EnsureAvailable();
        using var ingest = fixture.App.CreateHttpClient("ingest");
        ingest.DefaultRequestHeaders.Add("X-Api-Key", "local-dev-key");

        using var unknown = await ingest.PutAsync("/v1/sources/tickets/files/a.csv", new StringContent("x"), Ct);
        using var empty = await ingest.PutAsync("/v1/sources/sessions/files/a.csv", new ByteArrayContent([]), Ct);
        using var wrongType = await ingest.PutAsync("/v1/sources/sessions/files/a.exe", new StringContent("x"), Ct);
        using var anonymous = fixture.App.CreateHttpClient("ingest");
        using var noKey = await anonymous.PutAsync("/v1/sources/sessions/files/a.csv", new StringContent("a,b\n"), Ct);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("sessions", await unknown.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("empty", await empty.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Equal("application/problem+json", wrongType.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.Contains("X-Api-Key", await noKey.Content.ReadAsStringAsync(Ct));
    }

    private sealed record GeneratedSession(string Id, int Screen, int Capacity, DateTime Showtime);

    private static string PosLine(string transaction, GeneratedSession s, int quantity, string status)
    {
        var date = s.Showtime.Hour < 6 ? s.Showtime.AddDays(-1) : s.Showtime;
        return "{" + string.Join(",",
            $"\"transaction_id\":\"{transaction}\"", "\"line_no\":1", "\"cinema_id\":\"C1\"", "\"terminal_id\":\"POS1\"", "\"channel\":\"POS\"",
            $"\"transaction_ts\":\"{s.Showtime.AddHours(-1):yyyy-MM-dd'T'HH:mm:ss}+00:00\"", $"\"business_date\":\"{date:yyyy-MM-dd}\"",
            "\"line_type\":\"TICKET\"", $"\"session_id\":\"{s.Id}\"", "\"ticket_type\":\"ADULT\"", "\"sku\":null",
            $"\"quantity\":{quantity}", "\"unit_price\":10.00", "\"discount\":0", "\"tax\":1.67", "\"currency\":\"GBP\"",
            $"\"status\":\"{status}\"", "\"original_transaction_id\":null") + "}\n";
    }

    private static List<GeneratedSession> GenerateSessions(int year, int seed)
    {
        var random = new Random(seed);
        var start = new DateTime(year, 3, 2);
        return Enumerable.Range(0, 40)
            .Select(i => new GeneratedSession(
                $"S{year}-{i}",
                random.Next(1, 6),
                random.Next(40, 300),
                // Mostly afternoon and evening shows, some after midnight (previous business day).
                start.AddDays(random.Next(0, 4)).AddHours(random.Next(0, 10) < 2 ? random.Next(0, 3) : random.Next(12, 23)).AddMinutes(random.Next(0, 4) * 15)))
            .Where(s => s.Showtime.Month == 3) // stay clear of the London DST change at the end of March
            .ToList();
    }
}

[Collection(nameof(FilesystemMode))]
public sealed class FilesystemMode(FilesystemAppHostFixture fixture) : UploadToDashboardTests(fixture), IClassFixture<FilesystemAppHostFixture>;

[Collection(nameof(S3EmulatorMode))]
public sealed class S3EmulatorMode(S3AppHostFixture fixture) : UploadToDashboardTests(fixture), IClassFixture<S3AppHostFixture>;
