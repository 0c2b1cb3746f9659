using System.Globalization;

namespace CinemaStats.Web.Queries.Athena;

/// <summary>
/// Formats .NET values as the SQL literals Athena's <c>ExecutionParameters</c> expect: Athena
/// substitutes each one for a <c>?</c> as a literal, so a string must arrive quoted and escaped,
/// a date as <c>DATE '…'</c>. Values never go into the SQL text itself.
/// </summary>
public static class AthenaLiteral
{
    /// <summary>Athena rejects longer execution parameters.</summary>
    public const int MaxLength = 1024;

    public static string Format(object? value)
    {
        var literal = value switch
        {
            null => "NULL",
            string s => Quote(s),
            char c => Quote(c.ToString()),
            Guid g => Quote(g.ToString("D")),
            bool b => b ? "TRUE" : "FALSE",
            sbyte or byte or short or ushort or int or uint or long or ulong => Convert.ToString(value, CultureInfo.InvariantCulture)!,
            decimal m => m.ToString(CultureInfo.InvariantCulture),
            double d => Double(d),
            float f => Double(f),
            DateOnly d => $"DATE '{d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}'",
            DateTime t => $"TIMESTAMP '{Timestamp(t.Kind == DateTimeKind.Local ? t.ToUniversalTime() : t)}'",
            DateTimeOffset o => $"TIMESTAMP '{Timestamp(o.UtcDateTime)} UTC'",
            _ => throw new NotSupportedException(
                $"An Athena query parameter of type {value.GetType().Name} has no SQL literal form; pass a string, number, boolean, DateOnly, DateTime or DateTimeOffset."),
        };
        if (literal.Length > MaxLength)
        {
            throw new ArgumentException($"An Athena query parameter is {literal.Length} characters as a literal; Athena accepts at most {MaxLength}.", nameof(value));
        }
        return literal;
    }

    public static IReadOnlyList<string> FormatAll(IEnumerable<object?> values) => values.Select(Format).ToList();

    private static string Quote(string value) => $"'{value.Replace("'", "''", StringComparison.Ordinal)}'";

    /// <summary>An exponent makes Trino read a DOUBLE; without one <c>1.5</c> would be a DECIMAL.</summary>
    private static string Double(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"An Athena query parameter cannot be {value}: SQL has no literal for it.", nameof(value));
        }
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('E', StringComparison.Ordinal) ? text : text + "E0";
    }

    private static string Timestamp(DateTime value) => value.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);
}
