using System.Globalization;

namespace CinemaStats.Web.Queries.Athena;

/// <summary>
/// Maps Athena's result strings (every <c>Datum</c> is a <c>VarCharValue</c>) to .NET values by
/// the column's type. Types without a natural .NET counterpart (arrays, maps, rows, json,
/// varbinary, intervals) stay strings in Athena's own rendering.
/// </summary>
public static class AthenaValueMapping
{
    private static readonly string[] TimestampFormats =
    [
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.f", "yyyy-MM-dd HH:mm:ss.ff", "yyyy-MM-dd HH:mm:ss.fff",
        "yyyy-MM-dd HH:mm:ss.ffff", "yyyy-MM-dd HH:mm:ss.fffff", "yyyy-MM-dd HH:mm:ss.ffffff", "yyyy-MM-dd HH:mm:ss.fffffff",
    ];

    private static readonly string[] TimeFormats =
    [
        "HH:mm:ss", "HH:mm:ss.f", "HH:mm:ss.ff", "HH:mm:ss.fff", "HH:mm:ss.ffff", "HH:mm:ss.fffff", "HH:mm:ss.ffffff", "HH:mm:ss.fffffff",
    ];

    public static Type ClrType(string athenaType) => BaseType(athenaType) switch
    {
        "boolean" => typeof(bool),
        "tinyint" => typeof(sbyte),
        "smallint" => typeof(short),
        "integer" or "int" => typeof(int),
        "bigint" => typeof(long),
        "real" or "float" => typeof(float),
        "double" => typeof(double),
        "decimal" => typeof(decimal),
        "date" => typeof(DateOnly),
        "timestamp" => typeof(DateTime),
        "timestamp with time zone" => typeof(DateTimeOffset),
        "time" => typeof(TimeOnly),
        _ => typeof(string),
    };

    /// <summary>The typed value of one datum; null when Athena sent no <c>VarCharValue</c> (SQL NULL).</summary>
    public static object? Convert(string? value, string athenaType)
    {
        if (value is null)
        {
            return null;
        }
        var type = BaseType(athenaType);
        try
        {
            return type switch
            {
                "boolean" => bool.Parse(value),
                "tinyint" => sbyte.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture),
                "smallint" => short.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture),
                "integer" or "int" => int.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture),
                "bigint" => long.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture),
                "real" or "float" => float.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture),
                "double" => double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture),
                "decimal" => decimal.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture),
                "date" => DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                "timestamp" => DateTime.ParseExact(TrimFraction(value), TimestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.None),
                "timestamp with time zone" => ParseZoned(value),
                "time" => TimeOnly.ParseExact(TrimFraction(value), TimeFormats, CultureInfo.InvariantCulture),
                _ => value,
            };
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw new FormatException($"Athena returned '{value}' for a {athenaType} column, which does not parse as {ClrType(athenaType).Name}.", e);
        }
    }

    /// <summary><c>decimal(18,2)</c> and <c>varchar(10)</c> map like <c>decimal</c> and <c>varchar</c>.</summary>
    private static string BaseType(string athenaType)
    {
        var paren = athenaType.IndexOf('(', StringComparison.Ordinal);
        var name = paren < 0 ? athenaType : athenaType[..paren] + athenaType[(athenaType.IndexOf(')', paren) + 1)..];
        return name.Trim().ToLowerInvariant();
    }

    /// <summary>.NET parses at most 7 fractional digits; Trino can print 9.</summary>
    private static string TrimFraction(string value)
    {
        var dot = value.LastIndexOf('.');
        if (dot < 0)
        {
            return value;
        }
        var end = dot + 1;
        while (end < value.Length && char.IsAsciiDigit(value[end]))
        {
            end++;
        }
        return end - dot - 1 <= 7 ? value : value[..(dot + 8)] + value[end..];
    }

    /// <summary>Trino prints <c>2024-01-15 10:30:00.000 UTC</c> or a zone id / offset after the time.</summary>
    private static DateTimeOffset ParseZoned(string value)
    {
        var space = value.LastIndexOf(' ');
        var local = DateTime.ParseExact(TrimFraction(value[..space]), TimestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.None);
        var zone = value[(space + 1)..];
        if (zone is "UTC" or "Z")
        {
            return new DateTimeOffset(local, TimeSpan.Zero);
        }
        if (zone[0] is '+' or '-')
        {
            var offset = TimeSpan.ParseExact(zone[1..], @"hh\:mm", CultureInfo.InvariantCulture);
            return new DateTimeOffset(local, zone[0] == '-' ? -offset : offset);
        }
        try
        {
            return new DateTimeOffset(local, TimeZoneInfo.FindSystemTimeZoneById(zone).GetUtcOffset(local));
        }
        catch (TimeZoneNotFoundException e)
        {
            throw new FormatException($"Unknown time zone '{zone}'.", e);
        }
    }
}
