using System.Globalization;
using System.Text;

namespace CinemaStats.IntegrationTests.Browser;

/// <summary>
/// A week of sessions in two cinemas and their ticket sales, in a year no other test uses, with
/// the figures the dashboard must show computed here from the rows themselves.
/// </summary>
public sealed class DashboardData
{
    public sealed record Session(string Id, string Cinema, string Screen, int Capacity, string Film, DateTime Showtime, int Sold);

    public sealed record CinemaFigures(string Cinema, long Sessions, long Adm, long GboMinor, long Capacity);

    public static readonly string[] Films = ["Harbour Lights", "Paper Moons, Part \"Two\""];

    public const string Distributor = "Northern Pictures";
    public const string Genre = "Drama";

    public DashboardData(int year, int seed)
    {
        Year = year;
        var random = new Random(seed);
        var sessions = new List<Session>();
        foreach (var cinema in new[] { "C1", "C2" })
        {
            for (var day = 0; day < 7; day++)
            {
                foreach (var (hour, minute) in new[] { (13, 0), (16, 15), (19, 30), (21, 45) })
                {
                    var i = sessions.Count;
                    sessions.Add(new Session($"S{year}-{i}", cinema, $"{cinema}-{1 + i % 3}", random.Next(40, 200), Films[i % 2],
                        new DateTime(year, 3, 3 + day, hour, minute, 0), random.Next(0, 12)));
                }
            }
        }
        Sessions = sessions;
    }

    public int Year { get; }

    public IReadOnlyList<Session> Sessions { get; }

    public DateOnly From => new(Year, 3, 3);

    public DateOnly To => new(Year, 3, 9);

    public const long TicketPriceMinor = 1000;

    /// <summary>Per cinema: every session counts; all have capacity and none is cancelled, so occupancy is adm / capacity.</summary>
    public IReadOnlyList<CinemaFigures> ByCinema(params string[] cinemas) =>
        [.. Sessions.Where(s => cinemas.Length == 0 || cinemas.Contains(s.Cinema)).GroupBy(s => s.Cinema).OrderBy(g => g.Key)
            .Select(g => new CinemaFigures(g.Key, g.Count(), g.Sum(s => s.Sold), g.Sum(s => s.Sold) * TicketPriceMinor, g.Sum(s => s.Capacity)))];

    /// <summary>The film catalogue naming both films, so sessions match them (distributor and genre).</summary>
    public string FilmsJson() =>
        "[" + string.Join(",", Films.Select(f =>
            $"{{\"Title\":{System.Text.Json.JsonSerializer.Serialize(f)},\"Distributor\":\"{Distributor}\",\"Major Genre\":\"{Genre}\",\"Release Date\":\"Mar 06 2026\",\"MPAA Rating\":\"PG\",\"Running Time min\":101}}")) + "]";

    public string SessionsCsv()
    {
        var csv = new StringBuilder("session_id,cinema_id,screen_id,capacity,film_title_raw,showtime_local,cinema_tz,currency\n");
        foreach (var s in Sessions)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{s.Id},{s.Cinema},{s.Screen},{s.Capacity},\"{s.Film.Replace("\"", "\"\"")}\",{s.Showtime:yyyy-MM-dd HH:mm},Europe/London,GBP\n");
        }
        return csv.ToString();
    }

    /// <summary>One completed sale per session that sold tickets, and a voided sale that must not count.</summary>
    public string PosJsonLines()
    {
        var lines = new StringBuilder();
        foreach (var s in Sessions)
        {
            if (s.Sold > 0)
            {
                lines.Append(PosLine($"T-{s.Id}", s, s.Sold, "COMPLETED"));
            }
            lines.Append(PosLine($"V-{s.Id}", s, 3, "VOID"));
        }
        return lines.ToString();
    }

    private static string PosLine(string transaction, Session s, int quantity, string status) =>
        "{" + string.Join(",",
            $"\"transaction_id\":\"{transaction}\"", "\"line_no\":1", $"\"cinema_id\":\"{s.Cinema}\"", "\"terminal_id\":\"POS1\"", "\"channel\":\"POS\"",
            $"\"transaction_ts\":\"{s.Showtime.AddHours(-1):yyyy-MM-dd'T'HH:mm:ss}+00:00\"", $"\"business_date\":\"{s.Showtime:yyyy-MM-dd}\"",
            "\"line_type\":\"TICKET\"", $"\"session_id\":\"{s.Id}\"", "\"ticket_type\":\"ADULT\"", "\"sku\":null",
            $"\"quantity\":{quantity}", "\"unit_price\":10.00", "\"discount\":0", "\"tax\":1.67", "\"currency\":\"GBP\"",
            $"\"status\":\"{status}\"", "\"original_transaction_id\":null") + "}\n";
}
