using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CinemaStats.Transform.Parsing;
using CinemaStats.Transform.Sessions;
using F = CinemaStats.Transform.Pos.PosJsonFields;

namespace CinemaStats.Transform.Pos;

/// <summary>
/// One POS JSON line, as UTF-8 bytes, to a cleaned <see cref="PosLine"/> or a rejection with its
/// field and reason (docs/data-contract.md): timestamps with an offset, with <c>Z</c> or local (read in the
/// cinema's zone), numbers sent as strings or with a decimal comma, lower-case codes, ticket lines
/// without a session (kept and flagged) and VOID lines (kept; the KPIs leave them out).
/// </summary>
internal static class PosLineParser
{
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

    public static PosTransactionsReader.Result Parse(long lineNumber, ReadOnlySpan<byte> line, Func<string, TimeZoneInfo?> zoneOf)
    {
        try
        {
            var fields = new F(line);
            return new PosTransactionsReader.Result(Parse(in fields, zoneOf), null, lineNumber);
        }
        catch (JsonException e)
        {
            return Reject(lineNumber, null, $"invalid JSON: {e.Message}", line, RejectedRow.InvalidJson);
        }
        catch (PosRowRejectedException e)
        {
            return Reject(lineNumber, e.Field, e.Message, line, e.Code);
        }
    }

    private static PosTransactionsReader.Result Reject(long line, string? field, string reason, ReadOnlySpan<byte> bytes, string? code)
    {
        var text = Encoding.UTF8.GetString(bytes);
        return new(null, new RejectedRow(line, field, reason, text.Length > MaxRawText ? text[..MaxRawText] : text, code), line);
    }

    private static PosLine Parse(in F row, Func<string, TimeZoneInfo?> zoneOf)
    {
        List<string>? flags = null;
        var transactionId = Repeating(in row, F.TransactionId, ref t_lastTransactionId) ?? throw new PosRowRejectedException("transaction_id", "transaction_id is empty");
        var lineNo = Integer(in row, F.LineNo) ?? throw new PosRowRejectedException("line_no", "line_no is empty");
        var cinemaId = Required(in row, F.CinemaId, Ids);

        var lineType = Required(in row, F.LineType, Codes);
        if (!PosCodes.LineTypes.Contains(lineType))
        {
            throw new PosRowRejectedException("line_type", $"'{lineType}' is not a line type (expected TICKET, CONCESSION or FEE)");
        }

        var (utc, local) = Timestamp(in row, zoneOf(cinemaId), ref flags);
        var businessDate = BusinessDate(in row, local);

        var sessionId = Repeating(in row, F.SessionId, ref t_lastSessionId);
        if (sessionId is null && lineType == PosCodes.Ticket)
        {
            (flags ??= []).Add(PosCodes.SessionIdMissing);
        }

        var quantity = Integer(in row, F.Quantity) ?? throw new PosRowRejectedException("quantity", "quantity is empty");
        var unitPrice = Number(in row, F.UnitPrice) ?? throw new PosRowRejectedException("unit_price", "unit_price is empty");
        var discount = Number(in row, F.Discount) ?? 0m;
        var tax = Number(in row, F.Tax) ?? 0m;

        var currency = Required(in row, F.Currency, Codes);
        var status = Pooled(in row, F.Status, Codes) ?? PosCodes.Completed;

        return new PosLine(
            transactionId,
            lineNo,
            cinemaId,
            Pooled(in row, F.TerminalId, Ids),
            Pooled(in row, F.Channel, Codes),
            utc,
            businessDate,
            lineType,
            sessionId,
            Pooled(in row, F.TicketType, Codes),
            Pooled(in row, F.Sku, Ids),
            quantity,
            PosNumbers.Minor(unitPrice),
            PosNumbers.Minor(discount),
            PosNumbers.Minor(tax),
            PosNumbers.Minor(quantity * unitPrice - discount),
            currency,
            status,
            Text(in row, F.OriginalTransactionId),
            flags is null ? [] : flags);
    }

    /// <summary>Codes (line type, currency, status, channel, ticket type), upper-cased; values repeat in every file, so one pool serves all.</summary>
    private static readonly StringPool Codes = new(upperCase: true);

    /// <summary>Ids that repeat from line to line (cinemas, terminals, SKUs); bounded, so other ids only cost a look-up.</summary>
    private static readonly StringPool Ids = new();

    /// <summary><see cref="Text"/> as a shared string of <paramref name="pool"/>; null when there is no value.</summary>
    private static string? Pooled(in F row, int field, StringPool pool)
    {
        Span<char> buffer = stackalloc char[128];
        var chars = TextChars(in row, field, buffer);
        return chars.IsEmpty ? null : pool.Get(chars);
    }

    /// <summary>The last transaction id and session id this thread read: the lines of one transaction follow each other and share them.</summary>
    [ThreadStatic] private static LastValue? t_lastTransactionId, t_lastSessionId;

    /// <summary>A string value and the bytes it was read from.</summary>
    private sealed class LastValue
    {
        public byte[] Bytes = new byte[64];
        public int Length;
        public string? Value;
    }

    /// <summary>
    /// <see cref="Text"/> of a field whose value often repeats the line before's: when its bytes are
    /// those this thread read last, the same string again, without an allocation.
    /// </summary>
    private static string? Repeating(in F row, int field, ref LastValue? last)
    {
        if (row.Kind(field) != JsonTokenType.String || row.IsEscaped(field))
        {
            return Text(in row, field);
        }
        var raw = row.Raw(field);
        last ??= new LastValue();
        if (last.Value is not null && raw.SequenceEqual(last.Bytes.AsSpan(0, last.Length)))
        {
            return last.Value;
        }
        var value = Text(in row, field);
        if (value is not null && raw.Length <= last.Bytes.Length)
        {
            raw.CopyTo(last.Bytes);
            last.Length = raw.Length;
            last.Value = value;
        }
        return value;
    }

    /// <summary>The instant in UTC and the wall clock it showed in the cinema (for the business date).</summary>
    private static (DateTime Utc, DateTime Local) Timestamp(in F row, TimeZoneInfo? zone, ref List<string>? flags)
    {
        Span<char> buffer = stackalloc char[64];
        var text = TextChars(in row, F.TransactionTs, buffer);
        if (text.IsEmpty)
        {
            throw new PosRowRejectedException("transaction_ts", "transaction_ts is empty");
        }
        // The common ISO shapes first; what they do not cover goes through the format lists below.
        if (IsoDateTime.TryParse(text, out var parts) && (parts.Offset is null || parts.HasSeconds))
        {
            return parts.Offset is { } offset
                ? FromInstant(DateTime.SpecifyKind(parts.Local - offset, DateTimeKind.Utc), parts.Local, zone)
                : FromLocal(text, parts.Local, zone, ref flags);
        }
        if (DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return FromLocal(text, local, zone, ref flags);
        }
        if (DateTimeOffset.TryParseExact(text, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            return FromInstant(instant.UtcDateTime, instant.DateTime, zone);
        }
        throw new PosRowRejectedException("transaction_ts", $"'{text}' is not a timestamp (expected e.g. 2026-03-06T19:30:00+00:00, …Z or a local 2026-03-06T19:30:00)");
    }

    /// <summary>A wall-clock time without offset, read in the cinema's zone (as UTC, flagged, when the zone is unknown).</summary>
    private static (DateTime Utc, DateTime Local) FromLocal(ReadOnlySpan<char> text, DateTime local, TimeZoneInfo? zone, ref List<string>? flags)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone is null)
        {
            (flags ??= []).Add(PosCodes.TimeZoneUnknown);
            return (DateTime.SpecifyKind(local, DateTimeKind.Utc), local);
        }
        if (zone.IsInvalidTime(local))
        {
            throw new PosRowRejectedException("transaction_ts", $"{text} does not exist in {zone.Id} (clocks go forward)", RejectedRow.DstGap);
        }
        if (zone.IsAmbiguousTime(local))
        {
            // An hour the clocks repeat reads as standard time: the file gives nothing to tell them apart.
            (flags ??= []).Add(PosCodes.AmbiguousTimeResolved);
        }
        return (TimeZoneInfo.ConvertTimeToUtc(local, zone), local);
    }

    /// <summary>An instant written with its offset: its wall clock in the cinema's zone, or as written when the zone is unknown.</summary>
    private static (DateTime Utc, DateTime Local) FromInstant(DateTime utc, DateTime written, TimeZoneInfo? zone) =>
        (utc, zone is null ? written : TimeZoneInfo.ConvertTimeFromUtc(utc, zone));

    private static DateOnly BusinessDate(in F row, DateTime local)
    {
        Span<char> buffer = stackalloc char[64];
        var text = TextChars(in row, F.BusinessDate, buffer);
        if (text.IsEmpty)
        {
            return DateOnly.FromDateTime(local - PosTransactionsReader.BusinessDayCutOff);
        }
        return IsoDateTime.TryParseDate(text, out var date) || DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
            ? date
            : throw new PosRowRejectedException("business_date", $"'{text}' is not a date (expected yyyy-MM-dd)");
    }

    /// <summary>
    /// <see cref="Text"/> as characters: an unescaped ASCII value is copied into <paramref name="buffer"/>
    /// and trimmed, without a string; anything else goes through <see cref="Text"/>. Empty when there is no value.
    /// </summary>
    private static ReadOnlySpan<char> TextChars(in F row, int field, Span<char> buffer)
    {
        if (row.Kind(field) == JsonTokenType.String && !row.IsEscaped(field))
        {
            var raw = row.Raw(field);
            if (raw.Length <= buffer.Length && Ascii.ToUtf16(raw, buffer, out var written) == OperationStatus.Done)
            {
                return ((ReadOnlySpan<char>)buffer[..written]).Trim();
            }
        }
        return Text(in row, field);
    }

    private static string Required(in F row, int field) =>
        Text(in row, field) ?? throw new PosRowRejectedException(F.Names[field], $"{F.Names[field]} is empty");

    private static string Required(in F row, int field, StringPool pool) =>
        Pooled(in row, field, pool) ?? throw new PosRowRejectedException(F.Names[field], $"{F.Names[field]} is empty");

    /// <summary>A string field, trimmed; null when absent, null or blank. Numbers are taken as their text (ids sent as numbers).</summary>
    private static string? Text(in F row, int field)
    {
        var kind = row.Kind(field);
        var text = kind switch
        {
            JsonTokenType.None or JsonTokenType.Null => null,
            JsonTokenType.String => row.GetString(field).Trim(),
            JsonTokenType.Number => Encoding.UTF8.GetString(row.Raw(field)),
            _ => throw new PosRowRejectedException(F.Names[field], $"{F.Names[field]} is a JSON {F.KindName(kind)}, not text"),
        };
        return string.IsNullOrEmpty(text) ? null : text;
    }

    private static int? Integer(in F row, int field)
    {
        var number = Number(in row, field);
        if (number is null)
        {
            return null;
        }
        if (decimal.Truncate(number.Value) != number.Value || number.Value is < int.MinValue or > int.MaxValue)
        {
            throw new PosRowRejectedException(F.Names[field], $"{F.Names[field]} '{number}' is not a whole number");
        }
        return (int)number.Value;
    }

    /// <summary>A number sent as a JSON number or as a string, with a decimal point or a decimal comma.</summary>
    private static decimal? Number(in F row, int field)
    {
        var kind = row.Kind(field);
        var name = F.Names[field];
        switch (kind)
        {
            case JsonTokenType.None or JsonTokenType.Null:
                return null;
            case JsonTokenType.Number:
                return row.TryGetDecimal(field, out var number)
                    ? number
                    : throw new PosRowRejectedException(name, $"{name} {Encoding.UTF8.GetString(row.Raw(field))} is out of range");
            case JsonTokenType.String:
                if (!row.IsEscaped(field) && PosNumbers.TryParsePlain(row.Raw(field), out var plain))
                {
                    return plain;
                }
                var text = row.GetString(field).Trim();
                if (text.Length == 0)
                {
                    return null;
                }
                return PosNumbers.TryParseText(text, out var parsed)
                    ? parsed
                    : throw new PosRowRejectedException(name, $"{name} '{text}' is not a number");
            default:
                throw new PosRowRejectedException(name, $"{name} is a JSON {F.KindName(kind)}, not a number");
        }
    }
}

/// <summary>A line that cannot be used: the field at fault (null for the whole line) and why.</summary>
internal sealed class PosRowRejectedException(string? field, string message, string? code = null) : Exception(message)
{
    public string? Field { get; } = field;

    public string? Code { get; } = code;
}
