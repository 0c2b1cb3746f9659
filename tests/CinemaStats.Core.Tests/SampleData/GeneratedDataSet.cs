using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CinemaStats.Core.SampleData;

namespace CinemaStats.Core.Tests.SampleData;

/// <summary>
/// A data set written to memory and read back the way a tolerant reader would: delimiter sniffed,
/// BOM and CR dropped, header aliases mapped, numbers accepted as strings. What each file looked
/// like on the wire is kept alongside, so the dirt can be asserted on.
/// </summary>
public sealed class GeneratedDataSet
{
    public static readonly string[] CanonicalSessionsHeader =
    [
        "session_id", "cinema_id", "screen_id", "capacity", "film_code", "film_title_raw", "showtime_local",
        "business_date", "format", "language", "price_group", "status", "cinema_tz", "currency",
    ];

    public SampleDataOptions Options { get; }

    public List<GeneratedFile> Files { get; } = [];

    public List<SessionRow> Sessions { get; } = [];

    public List<PosLine> PosLines { get; } = [];

    public JsonDocument Films { get; }

    private GeneratedDataSet(SampleDataOptions options, JsonDocument films)
    {
        Options = options;
        Films = films;
    }

    public static async Task<GeneratedDataSet> CreateAsync(SampleDataOptions options, CancellationToken cancellationToken)
    {
        JsonDocument? films = null;
        var files = new List<(SampleFile File, byte[] Bytes)>();
        foreach (var file in SampleDataGenerator.Files(options))
        {
            using var stream = new MemoryStream();
            await file.WriteToAsync(stream, cancellationToken);
            files.Add((file, stream.ToArray()));
        }
        foreach (var (file, bytes) in files.Where(f => f.File.Source == "films"))
        {
            films = JsonDocument.Parse(bytes);
        }
        var set = new GeneratedDataSet(options, films ?? throw new InvalidOperationException("No films file was generated."));
        foreach (var (file, bytes) in files)
        {
            set.Files.Add(new GeneratedFile(file.Source, file.FileName, file.ContentType, Convert.ToHexString(SHA256.HashData(bytes)), bytes.Length,
                file.Source == "sessions" ? bytes : null));
            if (file.Source == "sessions")
            {
                set.Sessions.AddRange(SessionRow.Read(file.FileName, bytes));
            }
            else if (file.Source == "pos_transactions")
            {
                set.PosLines.AddRange(PosLine.Read(file.FileName, bytes));
            }
        }
        return set;
    }

    /// <summary>Files that are not re-sent copies: what a reader that drops duplicates would keep.</summary>
    public IEnumerable<PosLine> OriginalPosLines => PosLines.Where(l => !l.File.Contains("_resent", StringComparison.Ordinal));

    public IEnumerable<SessionRow> OriginalSessions => Sessions.Where(s => !s.File.Contains("_resent", StringComparison.Ordinal));
}

/// <summary>One generated file: its name, a hash of its bytes, and the bytes themselves for the small sessions files.</summary>
public sealed record GeneratedFile(string Source, string FileName, string ContentType, string Sha256, long Size, byte[]? Bytes)
{
    public string Text => Bytes is null ? "" : Encoding.UTF8.GetString(Bytes);
}

/// <summary>A sessions row by canonical column name, and how its file was written.</summary>
public sealed record SessionRow(string File, IReadOnlyDictionary<string, string> Fields, char Delimiter, string RawHeader, bool Bom, bool CrLf)
{
    public string this[string column] => Fields[column];

    public string Id => Fields["session_id"];

    public static IEnumerable<SessionRow> Read(string file, byte[] bytes)
    {
        var bom = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble);
        var text = Encoding.UTF8.GetString(bom ? bytes[3..] : bytes);
        var crlf = text.Contains("\r\n", StringComparison.Ordinal);
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
        var delimiter = lines[0].Contains(';') ? ';' : lines[0].Contains('\t') ? '\t' : ',';
        var header = Split(lines[0], delimiter).Select(Canonical).ToArray();
        foreach (var line in lines.Skip(1))
        {
            var values = Split(line, delimiter);
            var fields = header.Zip(values).ToDictionary(p => p.First, p => p.Second);
            yield return new SessionRow(file, fields, delimiter, lines[0], bom, crlf);
        }
    }

    private static string Canonical(string name) => name switch
    {
        "SessionId" or "ID" => "session_id",
        "Showtime" or "showtime" or "start_time" => "showtime_local",
        _ => name,
    };

    private static List<string> Split(string line, char delimiter)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == delimiter)
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

    /// <summary>The show's local time, whichever of the generated formats it was written in.</summary>
    public DateTime ShowLocal => DateTime.ParseExact(Fields["showtime_local"],
        ["yyyy-MM-dd HH:mm", "dd/MM/yyyy HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None);
}

/// <summary>A POS line read leniently, with the shapes its values arrived in.</summary>
public sealed record PosLine(
    string File,
    string TransactionId,
    int LineNo,
    string CinemaId,
    string Channel,
    string Timestamp,
    string BusinessDate,
    string LineType,
    string? SessionId,
    string? TicketType,
    string? Sku,
    int Quantity,
    decimal UnitPrice,
    decimal Discount,
    decimal Tax,
    string Currency,
    string Status,
    string? OriginalTransactionId,
    bool NumbersAsText,
    bool DecimalComma,
    bool MoneyAsTwoDecimalNumbers)
{
    public bool IsTicket => LineType == "TICKET";

    public bool IsVoid => Status == "VOID";

    public decimal Amount => Quantity * UnitPrice - Discount;

    public static IEnumerable<PosLine> Read(string file, byte[] bytes)
    {
        foreach (var line in Encoding.UTF8.GetString(bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var document = JsonDocument.Parse(line);
            var o = document.RootElement;
            var money = new[] { o.GetProperty("unit_price"), o.GetProperty("discount"), o.GetProperty("tax") };
            var quantity = o.GetProperty("quantity");
            yield return new PosLine(
                file,
                o.GetProperty("transaction_id").GetString()!,
                o.GetProperty("line_no").GetInt32(),
                o.GetProperty("cinema_id").GetString()!,
                o.GetProperty("channel").GetString()!,
                o.GetProperty("transaction_ts").GetString()!,
                o.GetProperty("business_date").GetString()!,
                o.GetProperty("line_type").GetString()!,
                o.TryGetProperty("session_id", out var session) ? session.GetString() : null,
                o.GetProperty("ticket_type").GetString(),
                o.GetProperty("sku").GetString(),
                quantity.ValueKind == JsonValueKind.String ? int.Parse(quantity.GetString()!, CultureInfo.InvariantCulture) : quantity.GetInt32(),
                Money(money[0]),
                Money(money[1]),
                Money(money[2]),
                o.GetProperty("currency").GetString()!,
                o.GetProperty("status").GetString()!,
                o.GetProperty("original_transaction_id").GetString(),
                NumbersAsText: quantity.ValueKind == JsonValueKind.String || money.Any(m => m.ValueKind == JsonValueKind.String && !m.GetString()!.Contains(',')),
                DecimalComma: money.Any(m => m.ValueKind == JsonValueKind.String && m.GetString()!.Contains(',')),
                MoneyAsTwoDecimalNumbers: money.All(m => m.ValueKind == JsonValueKind.Number && m.GetRawText() is var raw && raw.IndexOf('.') == raw.Length - 3));
        }
    }

    private static decimal Money(JsonElement value) => value.ValueKind == JsonValueKind.String
        ? decimal.Parse(value.GetString()!.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture)
        : value.GetDecimal();
}
