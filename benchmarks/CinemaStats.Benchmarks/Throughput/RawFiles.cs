using System.Globalization;
using System.Text;

namespace CinemaStats.Benchmarks.Throughput;

/// <summary>
/// Writes benchmark inputs in the raw formats of docs/data-contract.md, deterministically (a fixed seed): a
/// <c>sessions</c> CSV and a <c>pos_transactions</c> JSON Lines file, rows in date order over
/// <c>days</c> business dates with many cinemas interleaved, and a share of the dirt docs/data-contract.md describes
/// (mixed timestamp formats, lower-case codes, decimal commas, numbers as strings, missing sessions).
/// </summary>
public static class RawFiles
{
    private static readonly DateOnly FirstDate = new(2026, 1, 2);
    private static readonly string[] Zones = ["Europe/London", "Europe/Berlin", "Europe/Paris", "Europe/Madrid"];
    private static readonly string[] Currencies = ["GBP", "EUR", "EUR", "EUR"];
    private static readonly string[] Titles = ["AVATAR 3D (OV)", "Avatar: The Way of Water - 2D", "Dune: Part Two", "Inside Out 2", "Wicked", "Gladiator II", "Moana 2", "The Brutalist", "Anora", "Conclave"];
    private static readonly string[] Formats = ["2D", "2D", "3D", "IMAX"];
    private static readonly string[] TicketTypes = ["ADULT", "ADULT", "CHILD", "SENIOR", "STUDENT", "MEMBER", "COMP"];
    private static readonly string[] Skus = ["POPCORN-M", "POPCORN-L", "COLA-M", "NACHOS", "ICE-CREAM"];
    private static readonly string[] Channels = ["POS", "WWW", "KIOSK", "APP"];

    /// <summary>Writes a sessions CSV of <paramref name="rows"/> rows; returns the bytes written.</summary>
    public static long WriteSessions(string path, long rows, int days, int seed = 7)
    {
        var random = new Random(seed);
        using var output = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        output.Write("session_id,cinema_id,screen_id,capacity,film_code,film_title_raw,showtime_local,business_date,format,language,price_group,status,cinema_tz,currency\n");
        var perDay = Math.Max(1, (rows + days - 1) / days);
        for (long i = 0; i < rows; i++)
        {
            var date = FirstDate.AddDays((int)(i / perDay));
            var cinema = (int)(i % 300);
            var zone = cinema % Zones.Length;
            var film = random.Next(Titles.Length);
            var minutes = 10 * 60 + random.Next(0, 58) * 15; // 10:00 to 00:15 the next day
            var show = date.ToDateTime(TimeOnly.MinValue).AddMinutes(minutes);
            var showText = random.Next(20) switch
            {
                0 => show.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture),
                1 => show.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
                _ => show.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            };
            var businessDate = random.Next(10) == 0 ? "" : date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var capacity = random.Next(50) == 0 ? "" : (80 + random.Next(320)).ToString(CultureInfo.InvariantCulture);
            var currency = random.Next(10) == 0 ? Currencies[zone].ToLowerInvariant() : Currencies[zone];
            var status = random.Next(40) == 0 ? "CANCELLED" : "OPEN";
            output.Write(string.Create(CultureInfo.InvariantCulture,
                $"S{i:D9},C{cinema:D3},{1 + random.Next(12)},{capacity},F{film:D4},\"{Titles[film]}\",{showText},{businessDate},{Formats[random.Next(Formats.Length)]},{(random.Next(5) == 0 ? "OV" : "DUB")},STD,{status},{Zones[zone]},{currency}\n"));
        }
        output.Flush();
        return output.BaseStream.Length;
    }

    /// <summary>Writes a POS JSON Lines file of <paramref name="lines"/> lines; returns the bytes written.</summary>
    public static long WritePos(string path, long lines, int days, int seed = 11)
    {
        var random = new Random(seed);
        using var output = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        var perDay = Math.Max(1, (lines + days - 1) / days);
        long written = 0, transaction = 0;
        while (written < lines)
        {
            transaction++;
            var date = FirstDate.AddDays((int)(written / perDay));
            var cinema = (int)(transaction % 300);
            var zone = cinema % Zones.Length;
            var offset = zone == 0 ? "+00:00" : "+01:00";
            var local = date.ToDateTime(TimeOnly.MinValue).AddSeconds(9 * 3600 + random.Next(15 * 3600));
            var timestamp = random.Next(20) switch
            {
                0 => local.AddHours(zone == 0 ? 0 : -1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                1 => local.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                _ => local.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + offset,
            };
            var channel = Channels[random.Next(Channels.Length)];
            if (random.Next(20) == 0)
            {
                channel = channel.ToLowerInvariant();
            }
            var currency = random.Next(20) == 0 ? Currencies[zone].ToLowerInvariant() : Currencies[zone];
            var status = random.Next(100) == 0 ? "VOID" : "COMPLETED";
            var session = $"S{random.Next(1_000_000):D9}";
            var count = 1 + random.Next(4);
            for (var line = 1; line <= count && written < lines; line++, written++)
            {
                var ticket = line == 1 || random.Next(2) == 0;
                var price = ticket ? 8.5m + random.Next(8) : 3.95m + random.Next(5);
                var quantity = 1 + random.Next(3);
                var tax = decimal.Round(price * quantity / 6m, 2);
                var priceText = random.Next(20) == 0 ? $"\"{price.ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',')}\"" : price.ToString("0.00", CultureInfo.InvariantCulture);
                var sessionField = ticket && random.Next(30) != 0 ? $"\"{session}\"" : "null";
                var typeField = ticket ? $"\"{TicketTypes[random.Next(TicketTypes.Length)]}\"" : "null";
                var skuField = ticket ? "null" : $"\"{Skus[random.Next(Skus.Length)]}\"";
                output.Write(string.Create(CultureInfo.InvariantCulture,
                    $"{{\"transaction_id\":\"T{transaction:D10}\",\"line_no\":{line},\"cinema_id\":\"C{cinema:D3}\",\"terminal_id\":\"C{cinema:D3}-POS{1 + random.Next(6)}\",\"channel\":\"{channel}\",\"transaction_ts\":\"{timestamp}\",\"business_date\":\"{date:yyyy-MM-dd}\",\"line_type\":\"{(ticket ? "TICKET" : "CONCESSION")}\",\"session_id\":{sessionField},\"ticket_type\":{typeField},\"sku\":{skuField},\"quantity\":{quantity},\"unit_price\":{priceText},\"discount\":0.00,\"tax\":{tax:0.00},\"currency\":\"{currency}\",\"status\":\"{status}\",\"original_transaction_id\":null}}\n"));
            }
        }
        output.Flush();
        return output.BaseStream.Length;
    }

    /// <summary>Rows that make about <paramref name="megabytes"/> MiB of the source's file (from a sample of its rows).</summary>
    public static long RowsFor(string source, long megabytes)
    {
        var sample = Path.GetTempFileName();
        try
        {
            const int rows = 20_000;
            var bytes = source == "sessions" ? WriteSessions(sample, rows, 1) : WritePos(sample, rows, 1);
            return megabytes * 1024 * 1024 * rows / bytes;
        }
        finally
        {
            File.Delete(sample);
        }
    }
}
