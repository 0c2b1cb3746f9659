using System.Globalization;
using System.Text;
using System.Text.Json;
using CinemaStats.Transform.Parsing;
using CinemaStats.Transform.Sessions;

namespace CinemaStats.Transform.Pos;

/// <summary>
/// Streams a <c>pos_transactions</c> JSON Lines file a batch of lines at a time (parsed in parallel),
/// so memory stays bounded by the batch, not the file. Each non-blank line comes out either as a <see cref="PosLine"/>
/// or as a <see cref="RejectedRow"/> with its line number, field and reason: rows in = rows out +
/// rows rejected. Cleaning follows DATA.md: timestamps with an offset, with <c>Z</c> or local (read
/// in the cinema's zone), numbers sent as strings or with a decimal comma, lower-case codes, ticket
/// lines without a session (kept and flagged) and VOID lines (kept; the KPIs leave them out).
/// </summary>
public static class PosTransactionsReader
{
    /// <summary>Business days end at 06:00, as for sessions: a sale at 01:00 belongs to the day before.</summary>
    public static readonly TimeSpan BusinessDayCutOff = TimeSpan.FromHours(6);

    /// <summary>The raw text kept in quarantine is cut here, so a runaway line cannot bloat it.</summary>
    private const int MaxRawText = 4000;

    private static readonly string[] LocalFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm",
    ];

    private static readonly string[] OffsetFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", "yyyy-MM-dd HH:mm:ss.FFFFFFF'Z'",
    ];

    /// <summary>Lines parsed together, in parallel; results still come out in file order.</summary>
    private const int BatchLines = 4096;

    /// <param name="zoneOf">The time zone of a cinema by its id, or null when unknown: local timestamps of an unknown cinema are read as UTC and flagged. Called from several threads.</param>
    public static IEnumerable<Result> Read(Stream content, Func<string, TimeZoneInfo?> zoneOf)
    {
        using var reader = new StreamReader(content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var batch = new List<(long Line, string Text)>(BatchLines);
        var results = new Result[BatchLines];
        long lineNumber = 0;
        while (true)
        {
            batch.Clear();
            while (batch.Count < BatchLines && reader.ReadLine() is { } text)
            {
                lineNumber++;
                if (!string.IsNullOrWhiteSpace(text))
                {
                    batch.Add((lineNumber, text));
                }
            }
            if (batch.Count == 0)
            {
                yield break;
            }
            Parallel.For(0, batch.Count, i => results[i] = ParseLine(batch[i].Line, batch[i].Text, zoneOf));
            for (var i = 0; i < batch.Count; i++)
            {
                yield return results[i];
            }
        }
    }

    private static Result ParseLine(long lineNumber, string text, Func<string, TimeZoneInfo?> zoneOf)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new RowRejectedException(null, $"the line is a JSON {json.RootElement.ValueKind.ToString().ToLowerInvariant()}, not an object");
            }
            return new Result(Parse(json.RootElement, zoneOf), null, lineNumber);
        }
        catch (JsonException e)
        {
            return Reject(lineNumber, null, $"invalid JSON: {e.Message}", text);
        }
        catch (RowRejectedException e)
        {
            return Reject(lineNumber, e.Field, e.Message, text);
        }
    }

    private static Result Reject(long line, string? field, string reason, string text) =>
        new(null, new RejectedRow(line, field, reason, text.Length > MaxRawText ? text[..MaxRawText] : text), line);

    private static PosLine Parse(JsonElement row, Func<string, TimeZoneInfo?> zoneOf)
    {
        var flags = new List<string>();
        var transactionId = Required(row, "transaction_id");
        var lineNo = Integer(row, "line_no") ?? throw new RowRejectedException("line_no", "line_no is empty");
        var cinemaId = Required(row, "cinema_id");

        var lineType = Required(row, "line_type").ToUpperInvariant();
        if (!PosCodes.LineTypes.Contains(lineType))
        {
            throw new RowRejectedException("line_type", $"'{lineType}' is not a line type (expected TICKET, CONCESSION or FEE)");
        }

        var (utc, local) = Timestamp(Required(row, "transaction_ts"), zoneOf(cinemaId), flags);
        var businessDate = BusinessDate(row, local);

        var sessionId = Text(row, "session_id");
        if (sessionId is null && lineType == PosCodes.Ticket)
        {
            flags.Add(PosCodes.SessionIdMissing);
        }

        var quantity = Integer(row, "quantity") ?? throw new RowRejectedException("quantity", "quantity is empty");
        var unitPrice = Money(row, "unit_price") ?? throw new RowRejectedException("unit_price", "unit_price is empty");
        var discount = Money(row, "discount") ?? 0m;
        var tax = Money(row, "tax") ?? 0m;

        var currency = Required(row, "currency").ToUpperInvariant();
        var status = Text(row, "status")?.ToUpperInvariant() ?? PosCodes.Completed;

        return new PosLine(
            transactionId,
            lineNo,
            cinemaId,
            Text(row, "terminal_id"),
            Text(row, "channel")?.ToUpperInvariant(),
            utc,
            businessDate,
            lineType,
            sessionId,
            Text(row, "ticket_type")?.ToUpperInvariant(),
            Text(row, "sku"),
            quantity,
            Minor(unitPrice),
            Minor(discount),
            Minor(tax),
            Minor(quantity * unitPrice - discount),
            currency,
            status,
            Text(row, "original_transaction_id"),
            flags);
    }

    /// <summary>The instant in UTC and the wall clock it showed in the cinema (for the business date).</summary>
    private static (DateTime Utc, DateTime Local) Timestamp(string text, TimeZoneInfo? zone, List<string> flags)
    {
        // The common ISO shapes first; what they do not cover goes through the format lists below.
        if (IsoDateTime.TryParse(text, out var parts) && (parts.Offset is null || parts.HasSeconds))
        {
            return parts.Offset is { } offset
                ? FromInstant(DateTime.SpecifyKind(parts.Local - offset, DateTimeKind.Utc), parts.Local, zone)
                : FromLocal(text, parts.Local, zone, flags);
        }
        if (DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return FromLocal(text, local, zone, flags);
        }
        if (DateTimeOffset.TryParseExact(text, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            return FromInstant(instant.UtcDateTime, instant.DateTime, zone);
        }
        throw new RowRejectedException("transaction_ts", $"'{text}' is not a timestamp (expected e.g. 2026-03-06T19:30:00+00:00, …Z or a local 2026-03-06T19:30:00)");
    }

    /// <summary>A wall-clock time without offset, read in the cinema's zone (as UTC, flagged, when the zone is unknown).</summary>
    private static (DateTime Utc, DateTime Local) FromLocal(string text, DateTime local, TimeZoneInfo? zone, List<string> flags)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone is null)
        {
            flags.Add(PosCodes.TimeZoneUnknown);
            return (DateTime.SpecifyKind(local, DateTimeKind.Utc), local);
        }
        if (zone.IsInvalidTime(local))
        {
            throw new RowRejectedException("transaction_ts", $"{text} does not exist in {zone.Id} (clocks go forward)");
        }
        // An hour the clocks repeat reads as standard time: the file gives nothing to tell them apart.
        return (TimeZoneInfo.ConvertTimeToUtc(local, zone), local);
    }

    /// <summary>An instant written with its offset: its wall clock in the cinema's zone, or as written when the zone is unknown.</summary>
    private static (DateTime Utc, DateTime Local) FromInstant(DateTime utc, DateTime written, TimeZoneInfo? zone) =>
        (utc, zone is null ? written : TimeZoneInfo.ConvertTimeFromUtc(utc, zone));

    private static DateOnly BusinessDate(JsonElement row, DateTime local)
    {
        if (Text(row, "business_date") is not { } text)
        {
            return DateOnly.FromDateTime(local - BusinessDayCutOff);
        }
        return IsoDateTime.TryParseDate(text, out var date) || DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
            ? date
            : throw new RowRejectedException("business_date", $"'{text}' is not a date (expected yyyy-MM-dd)");
    }

    private static string Required(JsonElement row, string field) =>
        Text(row, field) ?? throw new RowRejectedException(field, $"{field} is empty");

    /// <summary>A string field, trimmed; null when absent, null or blank. Numbers are taken as their text (ids sent as numbers).</summary>
    private static string? Text(JsonElement row, string field)
    {
        if (!row.TryGetProperty(field, out var value))
        {
            return null;
        }
        var text = value.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            JsonValueKind.String => value.GetString()!.Trim(),
            JsonValueKind.Number => value.GetRawText(),
            _ => throw new RowRejectedException(field, $"{field} is a JSON {value.ValueKind.ToString().ToLowerInvariant()}, not text"),
        };
        return string.IsNullOrEmpty(text) ? null : text;
    }

    private static int? Integer(JsonElement row, string field)
    {
        var number = Number(row, field);
        if (number is null)
        {
            return null;
        }
        if (decimal.Truncate(number.Value) != number.Value || number.Value is < int.MinValue or > int.MaxValue)
        {
            throw new RowRejectedException(field, $"{field} '{number}' is not a whole number");
        }
        return (int)number.Value;
    }

    private static decimal? Money(JsonElement row, string field) => Number(row, field);

    /// <summary>A number sent as a JSON number or as a string, with a decimal point or a decimal comma.</summary>
    private static decimal? Number(JsonElement row, string field)
    {
        if (!row.TryGetProperty(field, out var value) || value.ValueKind is JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.Number)
        {
            return value.TryGetDecimal(out var number)
                ? number
                : throw new RowRejectedException(field, $"{field} {value.GetRawText()} is out of range");
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            throw new RowRejectedException(field, $"{field} is a JSON {value.ValueKind.ToString().ToLowerInvariant()}, not a number");
        }
        var text = value.GetString()!.Trim();
        if (text.Length == 0)
        {
            return null;
        }
        return decimal.TryParse(NormalizeDecimal(text), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw new RowRejectedException(field, $"{field} '{text}' is not a number");
    }

    /// <summary><c>12,50</c> → <c>12.50</c>; <c>1.234,50</c> → <c>1234.50</c>; <c>1,234.50</c> → <c>1234.50</c>: the last separator is the decimal one.</summary>
    private static string NormalizeDecimal(string text)
    {
        var comma = text.LastIndexOf(',');
        var point = text.LastIndexOf('.');
        if (comma < 0)
        {
            return text;
        }
        return comma > point
            ? text.Replace(".", "", StringComparison.Ordinal).Replace(',', '.')
            : text.Replace(",", "", StringComparison.Ordinal);
    }

    /// <summary>Hundredths, rounded half away from zero (the sources give two decimals; more is rounded).</summary>
    private static long Minor(decimal amount) => (long)decimal.Round(amount * 100m, 0, MidpointRounding.AwayFromZero);

    public readonly record struct Result(PosLine? Record, RejectedRow? Rejected, long LineNumber);

    private sealed class RowRejectedException(string? field, string message) : Exception(message)
    {
        public string? Field { get; } = field;
    }
}
