using System.Numerics;

namespace CinemaStats.Web.Queries;

/// <summary>
/// Brings the values each engine returns to one set of .NET types, so the catalogue's row
/// mappings read DuckDB and Athena results alike: every integer is a long, every fractional
/// number a double, a DATE a <see cref="DateOnly"/>.
/// </summary>
public static class QueryValues
{
    public static object? Normalize(object? value) => value switch
    {
        null or DBNull => null,
        long or string or double or bool or DateOnly or DateTime => value,
        int i => (long)i,
        short s => (long)s,
        sbyte b => (long)b,
        byte b => (long)b,
        ushort u => (long)u,
        uint u => (long)u,
        ulong u => checked((long)u),
        BigInteger big => checked((long)big),
        Int128 big => checked((long)big),
        UInt128 big => checked((long)big),
        float f => (double)f,
        decimal m => (double)m,
        DateTimeOffset o => o.UtcDateTime,
        _ => value,
    };
}

/// <summary>Typed access to one normalized result row, by column position.</summary>
public readonly struct QueryRow(object?[] values)
{
    public long Long(int i) => values[i] is long v ? v : throw Wrong(i, "a whole number");

    public long? NullableLong(int i) => values[i] is null ? null : Long(i);

    public int Int(int i) => checked((int)Long(i));

    public int? NullableInt(int i) => values[i] is null ? null : Int(i);

    public string String(int i) => values[i] as string ?? throw Wrong(i, "text");

    public string? NullableString(int i) => values[i] is null ? null : String(i);

    public DateOnly Date(int i) => values[i] switch
    {
        DateOnly d => d,
        DateTime t => DateOnly.FromDateTime(t),
        _ => throw Wrong(i, "a date"),
    };

    public DateOnly? NullableDate(int i) => values[i] is null ? null : Date(i);

    public double? NullableDouble(int i) => values[i] switch
    {
        null => null,
        double d => d,
        long l => l,
        _ => throw Wrong(i, "a number"),
    };

    private InvalidCastException Wrong(int i, string expected) =>
        new($"Result column {i} holds {values[i]?.GetType().Name ?? "NULL"}, not {expected}: the query and its row mapping disagree.");
}
