using System.Globalization;
using System.Text.Json;

namespace CinemaStats.Transform.Tests.Marts;

/// <summary>A session as the raw files describe it, with the sales the raw POS lines give it.</summary>
internal sealed class RawSession
{
    public required string Id { get; init; }
    public required string Cinema { get; init; }
    public required string Screen { get; init; }
    public string? FilmCode { get; init; }
    public string? Title { get; init; }
    public DateOnly BusinessDate { get; init; }
    public int LocalHour { get; init; }
    public int? Capacity { get; init; }
    public bool Cancelled { get; init; }
    public required string Currency { get; init; }
    public long Adm { get; set; }
    public long Paid { get; set; }
    public long Gbo { get; set; }
    public long Concessions { get; set; }
}

/// <summary>
/// The sessions and sales of raw files, read with a parser of its own that shares no code with the
/// pipeline: CSV with its delimiter taken from the header, JSON Lines with a JSON DOM. It applies
/// docs/data-contract.md's rules as written: a session once per business date (first copy), a POS line once per
/// (transaction_id, line_no), a repeat within one file unusable, VOID lines left out, a show in a clock-change gap set aside, every
/// concession line counted for its cinema and business date whether it names a session or not.
/// </summary>
internal sealed class RawSales
{
    private static readonly string[] ShowtimeFormats = ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "dd/MM/yyyy HH:mm", "yyyy-MM-ddTHH:mm:ss"];

    public Dictionary<(DateOnly, string), RawSession> Sessions { get; } = [];

    /// <summary>Σ amount of the non-void concession lines per cinema, business date and currency, with a session or without (counter sales).</summary>
    public Dictionary<(string Cinema, DateOnly Date, string Currency), long> Concessions { get; } = [];

    /// <summary>Non-void concession lines that name no session.</summary>
    public long CounterSales { get; private set; }

    /// <summary>Per file: data rows read and rows that cannot be used.</summary>
    public Dictionary<string, (long Rows, long Unusable)> Files { get; } = [];

    public static RawSales Read(IEnumerable<(string Name, string Source, string Text)> files)
    {
        var sales = new RawSales();
        var list = files.ToList();
        foreach (var (name, _, text) in list.Where(f => f.Source == "sessions"))
        {
            sales.ReadSessions(name, text);
        }
        var seen = new HashSet<(string, string)>();
        foreach (var (name, _, text) in list.Where(f => f.Source == "pos_transactions"))
        {
            sales.ReadPos(name, text, seen);
        }
        return sales;
    }

    private void ReadSessions(string name, string text)
    {
        var lines = text.TrimStart('\uFEFF').Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
        var delimiter = new[] { ',', ';', '\t' }.MaxBy(d => lines[0].Count(c => c == d));
        var header = Fields(lines[0], delimiter).Select(HeaderName).ToList();
        long unusable = 0;
        var inFile = new HashSet<string>();
        foreach (var line in lines.Skip(1))
        {
            var fields = Fields(line, delimiter);
            string? Get(string column) => header.IndexOf(column) is var i && i >= 0 && i < fields.Count && fields[i].Trim().Length > 0 ? fields[i].Trim() : null;
            var local = DateTime.ParseExact(Get("showtime")!, ShowtimeFormats, CultureInfo.InvariantCulture);
            if (TimeZoneInfo.FindSystemTimeZoneById(Get("cinematz")!).IsInvalidTime(local))
            {
                unusable++;
                continue;
            }
            if (!inFile.Add(Get("sessionid")!))
            {
                unusable++; // a repeat within one file: the first row is kept
                continue;
            }
            var date = Get("businessdate") is { } d ? DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture) : DateOnly.FromDateTime(local.AddHours(-6));
            var capacity = Get("capacity") is { } c ? int.Parse(c, CultureInfo.InvariantCulture) : (int?)null;
            Sessions.TryAdd((date, Get("sessionid")!), new RawSession
            {
                Id = Get("sessionid")!, Cinema = Get("cinemaid")!, Screen = Get("screenid")!, FilmCode = Get("filmcode"), Title = Get("filmtitleraw"),
                BusinessDate = date, LocalHour = local.Hour, Capacity = capacity,
                Cancelled = string.Equals(Get("status"), "CANCELLED", StringComparison.OrdinalIgnoreCase), Currency = Get("currency")!.ToUpperInvariant(),
            });
        }
        Files[name] = (lines.Count - 1, unusable);
    }

    private void ReadPos(string name, string text, HashSet<(string, string)> seen)
    {
        long rows = 0, unusable = 0;
        var inFile = new HashSet<(string, string)>();
        foreach (var line in text.Split('\n').Select(l => l.Trim().TrimStart('\uFEFF')).Where(l => l.Length > 0))
        {
            rows++;
            JsonElement row;
            try
            {
                row = JsonDocument.Parse(line).RootElement;
            }
            catch (JsonException)
            {
                unusable++;
                continue;
            }
            var key = (Text(row, "transaction_id")!, Text(row, "line_no")!);
            if (!inFile.Add(key))
            {
                unusable++; // a repeat within one file: the first line is kept
                continue;
            }
            if (!seen.Add(key) || string.Equals(Text(row, "status"), "VOID", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var type = Text(row, "line_type")!.ToUpperInvariant();
            if (type is not ("TICKET" or "CONCESSION"))
            {
                continue;
            }
            var date = DateOnly.ParseExact(Text(row, "business_date")!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var quantity = (long)Number(row, "quantity");
            var amount = (long)Math.Round((quantity * Number(row, "unit_price") - Number(row, "discount")) * 100m, MidpointRounding.AwayFromZero);
            if (type == "CONCESSION")
            {
                var day = (Text(row, "cinema_id")!.Trim(), date, Text(row, "currency")!.ToUpperInvariant());
                Concessions[day] = Concessions.GetValueOrDefault(day) + amount;
                CounterSales += Text(row, "session_id") is null ? 1 : 0;
            }
            if (Text(row, "session_id") is not { } sessionId || !Sessions.TryGetValue((date, sessionId), out var session))
            {
                continue;
            }
            var sameCurrency = string.Equals(Text(row, "currency"), session.Currency, StringComparison.OrdinalIgnoreCase);
            if (type == "TICKET")
            {
                session.Adm += quantity;
                session.Paid += string.Equals(Text(row, "ticket_type"), "COMP", StringComparison.OrdinalIgnoreCase) ? 0 : quantity;
                session.Gbo += sameCurrency ? amount : 0;
            }
            else
            {
                session.Concessions += sameCurrency ? amount : 0;
            }
        }
        Files[name] = (rows, unusable);
    }

    private static string HeaderName(string header)
    {
        var name = new string(header.Trim().ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());
        return name switch
        {
            "id" => "sessionid",
            "starttime" or "showtimelocal" => "showtime",
            _ => name,
        };
    }

    /// <summary>One CSV line's fields; a quoted field may hold the delimiter and doubled quotes.</summary>
    private static List<string> Fields(string line, char delimiter)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == delimiter && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }
        fields.Add(field.ToString());
        return fields;
    }

    private static string? Text(JsonElement row, string name) =>
        !row.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();

    private static decimal Number(JsonElement row, string name) =>
        decimal.Parse(Text(row, name)!.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture);
}
