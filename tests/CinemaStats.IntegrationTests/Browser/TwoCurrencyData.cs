using System.Globalization;
using System.Text;

namespace CinemaStats.IntegrationTests.Browser;

/// <summary>
/// A film released on Friday 2011-03-04 that plays in a GBP cinema (G1, tickets at 10.00) and a EUR
/// cinema (E1, tickets at 12.00), and another film on the same weekdays a year earlier (364 days
/// back), each session with a fixed number of tickets so every figure can be worked out by hand.
/// </summary>
public static class TwoCurrencyData
{
    public sealed record Session(string Id, string Cinema, string Film, DateOnly Date, int Sold);

    public const string Film = "Twin Rivers";
    public const string LastYearFilm = "Old Harbour";
    public static readonly DateOnly Release = new(2011, 3, 4);

    public static readonly IReadOnlyList<Session> Sessions =
    [
        new("TC-1", "G1", Film, new(2011, 3, 4), 40),   // GBP 400.00, opening weekend
        new("TC-2", "G1", Film, new(2011, 3, 5), 50),   // GBP 500.00, opening weekend
        new("TC-3", "E1", Film, new(2011, 3, 5), 20),   // EUR 240.00, opening weekend
        new("TC-4", "G1", Film, new(2011, 3, 11), 30),  // GBP 300.00, second weekend
        new("TC-5", "E1", Film, new(2011, 3, 13), 25),  // EUR 300.00, second weekend
        new("TC-6", "G1", LastYearFilm, new(2010, 3, 12), 20), // GBP 200.00, 364 days before 2011-03-11
        new("TC-7", "E1", LastYearFilm, new(2010, 3, 13), 10), // EUR 120.00, 364 days before 2011-03-12
    ];

    public const int Capacity = 100;

    public static string Currency(string cinema) => cinema == "E1" ? "EUR" : "GBP";

    public static decimal Price(string cinema) => cinema == "E1" ? 12.00m : 10.00m;

    public static string FilmsJson() =>
        "[" + string.Join(",", new[] { (Film, "Mar 04 2011"), (LastYearFilm, "Feb 26 2010") }.Select(f =>
            $"{{\"Title\":\"{f.Item1}\",\"Distributor\":\"Riverside Films\",\"Major Genre\":\"Drama\",\"Release Date\":\"{f.Item2}\",\"MPAA Rating\":\"PG\",\"Running Time min\":99}}")) + "]";

    public static string SessionsCsv()
    {
        var csv = new StringBuilder("session_id,cinema_id,screen_id,capacity,film_title_raw,showtime_local,cinema_tz,currency\n");
        foreach (var s in Sessions)
        {
            var zone = s.Cinema == "E1" ? "Europe/Paris" : "Europe/London";
            csv.Append(CultureInfo.InvariantCulture, $"{s.Id},{s.Cinema},{s.Cinema}-1,{Capacity},{s.Film},{s.Date:yyyy-MM-dd} 19:00,{zone},{Currency(s.Cinema)}\n");
        }
        return csv.ToString();
    }

    public static string PosJsonLines()
    {
        var lines = new StringBuilder();
        foreach (var s in Sessions)
        {
            lines.Append('{').AppendJoin(",",
                $"\"transaction_id\":\"T-{s.Id}\"", "\"line_no\":1", $"\"cinema_id\":\"{s.Cinema}\"", "\"terminal_id\":\"POS1\"", "\"channel\":\"POS\"",
                $"\"transaction_ts\":\"{s.Date:yyyy-MM-dd}T17:00:00+00:00\"", $"\"business_date\":\"{s.Date:yyyy-MM-dd}\"",
                "\"line_type\":\"TICKET\"", $"\"session_id\":\"{s.Id}\"", "\"ticket_type\":\"ADULT\"", "\"sku\":null",
                $"\"quantity\":{s.Sold}", $"\"unit_price\":{Price(s.Cinema).ToString("F2", CultureInfo.InvariantCulture)}", "\"discount\":0", "\"tax\":0",
                $"\"currency\":\"{Currency(s.Cinema)}\"", "\"status\":\"COMPLETED\"", "\"original_transaction_id\":null").Append("}\n");
        }
        return lines.ToString();
    }
}
