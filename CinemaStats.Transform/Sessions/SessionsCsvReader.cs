using System.Collections.Concurrent;
using System.Globalization;
using CinemaStats.Transform.Parsing;
using nietras.SeparatedValues;

namespace CinemaStats.Transform.Sessions;

/// <summary>
/// Streams a <c>sessions</c> CSV: separator detected from the header (',', ';' or tab),
/// vendor header aliases, quoted fields. Each row comes out either as a
/// <see cref="SessionRecord"/> or as a <see cref="RejectedRow"/> with the reason.
/// </summary>
public static partial class SessionsCsvReader
{
    /// <summary>Rows parsed together (on every core); results come out in file order.</summary>
    private const int BatchRows = 4096;

    /// <summary>Business days end at 06:00: a show at 01:00 belongs to the day before.</summary>
    public static readonly TimeSpan BusinessDayCutOff = TimeSpan.FromHours(6);

    private static readonly Dictionary<string, string> Aliases = BuildAliases(new()
    {
        ["session_id"] = ["sessionid", "id", "session", "showid"],
        ["cinema_id"] = ["cinemaid", "cinema", "siteid", "site"],
        ["screen_id"] = ["screenid", "screen", "auditorium"],
        ["capacity"] = ["seats", "capacity"],
        ["film_code"] = ["filmcode", "filmid", "movieid"],
        ["film_title_raw"] = ["filmtitleraw", "filmtitle", "title", "film", "movietitle"],
        ["showtime_local"] = ["showtimelocal", "showtime", "starttime", "start", "sessiontime"],
        ["business_date"] = ["businessdate", "bizdate"],
        ["format"] = ["format"],
        ["language"] = ["language", "lang"],
        ["price_group"] = ["pricegroup", "pricecard"],
        ["status"] = ["status", "sessionstatus"],
        ["cinema_tz"] = ["cinematz", "timezone", "tz"],
        ["currency"] = ["currency", "currencycode"],
    });

    private static readonly string[] CanonicalColumns =
    [
        "session_id", "cinema_id", "screen_id", "capacity", "film_code", "film_title_raw", "showtime_local",
        "business_date", "format", "language", "price_group", "status", "cinema_tz", "currency",
    ];

    private static readonly string[] ShowtimeFormats =
    [
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm",
        "dd/MM/yyyy HH:mm:ss", "dd/MM/yyyy HH:mm", "dd.MM.yyyy HH:mm",
    ];

    public static IEnumerable<Result> Read(Stream content, string sourceName)
    {
        using var reader = Sep.Reader(o => o with { Unescape = true, Trim = SepTrim.All, DisableColCountCheck = true }).From(content);
        var columns = MapHeader(reader.Header.ColNames, sourceName);
        // A file separated by ';' or tab may write numbers with a decimal comma (120,00).
        var decimalComma = DelimitedNumber.UsesDecimalComma(reader.Spec.Sep.Separator);
        var firstRows = new FirstRowPerKey();
        // For each canonical column, the file's column index (-1: absent).
        var sourceIndex = CanonicalColumns.Select(c => columns.TryGetValue(c, out var i) ? i : -1).ToArray();
        var zones = new ConcurrentDictionary<string, TimeZoneInfo?>(StringComparer.Ordinal);
        // Columns whose values repeat share their strings (session_id and the showtime text do not repeat).
        var pools = CanonicalColumns.Select(c => c is "session_id" or "showtime_local" or "business_date" ? null : new StringPool(upperCase: c is "status" or "currency")).ToArray();
        // Rows are split into fields one at a time and parsed a batch at a time on every core, in
        // file order. Memory stays bounded by the batch: Sep's own parallel enumeration reads ahead
        // without bound when the consumer (staging writes) is slower than parsing.
        var batch = new RowBatch(BatchRows);
        foreach (var row in reader)
        {
            batch.Add(row, sourceIndex, pools);
            if (batch.Count == BatchRows)
            {
                var parsed = batch.Parse(zones, decimalComma, firstRows);
                for (var i = 0; i < parsed; i++)
                {
                    yield return batch.Results[i];
                }
            }
        }
        var rest = batch.Parse(zones, decimalComma, firstRows);
        for (var i = 0; i < rest; i++)
        {
            yield return batch.Results[i];
        }
    }

    /// <summary>One row's values (by canonical column) to a session or the reason it was refused.</summary>
    private static Result ParseValues(RowBatch batch, int row, ConcurrentDictionary<string, TimeZoneInfo?> zones, bool decimalComma)
    {
        try
        {
            return new Result(Parse(new RowValues(batch.Values[row]), zones, decimalComma), null, batch.Lines[row]);
        }
        catch (RowRejectedException e)
        {
            return new Result(null, new RejectedRow(batch.Lines[row], e.Field, e.Message, batch.RawText(row), e.Code), batch.Lines[row]);
        }
    }

    /// <summary>One row's values by canonical column name.</summary>
    private readonly struct RowValues(string?[] values)
    {
        public string? this[string name] => values[Array.IndexOf(CanonicalColumns, name)];
    }

    private static SessionRecord Parse(RowValues get, ConcurrentDictionary<string, TimeZoneInfo?> zones, bool decimalComma)
    {
        List<string>? flags = null;
        string Required(string field) => get[field] ?? throw new RowRejectedException(field, $"{field} is empty");

        var tzId = Required("cinema_tz");
        if (!zones.TryGetValue(tzId, out var zone))
        {
            zones[tzId] = zone = TimeZoneInfo.TryFindSystemTimeZoneById(tzId, out var found) ? found : null;
        }
        if (zone is null)
        {
            throw new RowRejectedException("cinema_tz", $"'{tzId}' is not an IANA time zone");
        }
        var showtimeText = Required("showtime_local");
        DateTime showtime;
        // The common ISO shapes first; the format list decides the rest.
        if (IsoDateTime.TryParse(showtimeText, out var parts) && parts.Offset is null && !parts.HasFraction)
        {
            showtime = parts.Local;
        }
        else if (!DateTime.TryParseExact(showtimeText, ShowtimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out showtime))
        {
            throw new RowRejectedException("showtime_local", $"'{showtimeText}' is not a local date-time (expected e.g. 2026-03-06 19:30)");
        }
        showtime = DateTime.SpecifyKind(showtime, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(showtime))
        {
            throw new RowRejectedException("showtime_local", $"{showtimeText} does not exist in {tzId} (clocks go forward)", RejectedRow.DstGap);
        }
        if (zone.IsAmbiguousTime(showtime))
        {
            // The file gives nothing to tell the two apart; ConvertTimeToUtc takes standard time.
            (flags ??= []).Add(SessionFlag.AmbiguousTimeResolved);
        }

        var businessDateText = get["business_date"];
        DateOnly businessDate;
        if (businessDateText is null)
        {
            businessDate = DateOnly.FromDateTime(showtime - BusinessDayCutOff);
        }
        else if (!IsoDateTime.TryParseDate(businessDateText, out businessDate) && !DateOnly.TryParseExact(businessDateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out businessDate))
        {
            throw new RowRejectedException("business_date", $"'{businessDateText}' is not a date (expected yyyy-MM-dd)");
        }

        int? capacity = null;
        if (get["capacity"] is { } capacityText)
        {
            capacity = Seats(capacityText, decimalComma);
        }
        if (capacity is null or 0)
        {
            (flags ??= []).Add(SessionFlag.CapacityMissing);
        }

        return new SessionRecord(
            Required("session_id"),
            Required("cinema_id"),
            Required("screen_id"),
            get["film_code"],
            get["film_title_raw"],
            showtime,
            TimeZoneInfo.ConvertTimeToUtc(showtime, zone),
            businessDate,
            get["format"],
            get["language"],
            get["price_group"],
            (get["status"] ?? "OPEN").ToUpperInvariant(),
            tzId,
            Required("currency").ToUpperInvariant(),
            capacity,
            flags is null ? [] : flags);
    }

    /// <summary>
    /// A seat count: a whole number, written as the file writes numbers (<see cref="DelimitedNumber"/>),
    /// as long as it is whole (<c>120,00</c> in a ';' file is 120; <c>120,50</c> is refused).
    /// </summary>
    private static int Seats(string text, bool decimalComma)
    {
        if (!DelimitedNumber.TryParse(text, decimalComma, out var seats) || seats is < 0 or > int.MaxValue)
        {
            throw new RowRejectedException("capacity", $"'{text}' is not a seat count");
        }
        if (decimal.Truncate(seats) != seats)
        {
            throw new RowRejectedException("capacity", $"'{text}' is not a whole number of seats");
        }
        return (int)seats;
    }

    private static Dictionary<string, int> MapHeader(IReadOnlyList<string> names, string sourceName)
    {
        var map = new Dictionary<string, int>();
        for (var i = 0; i < names.Count; i++)
        {
            if (Aliases.TryGetValue(Normalize(names[i]), out var canonical))
            {
                map.TryAdd(canonical, i);
            }
        }
        var missing = new[] { "session_id", "cinema_id", "screen_id", "showtime_local", "cinema_tz", "currency" }.Where(c => !map.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException($"{sourceName}: the header lacks {string.Join(", ", missing)} (found: {string.Join(", ", names)}).");
        }
        return map;
    }

    private static string Normalize(string header) =>
        new(header.Trim().TrimStart('\uFEFF').ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());

    private static Dictionary<string, string> BuildAliases(Dictionary<string, string[]> canonical)
    {
        var result = new Dictionary<string, string>();
        foreach (var (name, aliases) in canonical)
        {
            result[Normalize(name)] = name;
            foreach (var alias in aliases)
            {
                result[alias] = name;
            }
        }
        return result;
    }

    public readonly record struct Result(SessionRecord? Record, RejectedRow? Rejected, long LineNumber);

    private sealed class RowRejectedException(string field, string message, string? code = null) : Exception(message)
    {
        public string Field { get; } = field;

        public string? Code { get; } = code;
    }
}
