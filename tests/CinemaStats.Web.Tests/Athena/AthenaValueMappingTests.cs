using CinemaStats.Web.Queries.Athena;

namespace CinemaStats.Web.Tests.Athena;

public sealed class AthenaValueMappingTests
{
    public static TheoryData<string, string, object> Values => new()
    {
        { "varchar", "text", "text" },
        { "boolean", "true", true },
        { "tinyint", "-5", (sbyte)-5 },
        { "smallint", "300", (short)300 },
        { "integer", "2147483647", int.MaxValue },
        { "bigint", "9223372036854775807", long.MaxValue },
        { "real", "1.5", 1.5f },
        { "double", "-Infinity", double.NegativeInfinity },
        { "double", "1.2345678901234567E8", 1.2345678901234567E8 },
        { "decimal(18,2)", "-0.05", -0.05m },
        { "date", "2024-02-29", new DateOnly(2024, 2, 29) },
        { "timestamp", "2024-03-01 10:15:00", new DateTime(2024, 3, 1, 10, 15, 0) },
        { "timestamp(6)", "2024-03-01 10:15:00.123456789", new DateTime(2024, 3, 1, 10, 15, 0).AddTicks(1_234_567) },
        { "timestamp with time zone", "2024-03-01 10:15:00.000 UTC", new DateTimeOffset(2024, 3, 1, 10, 15, 0, TimeSpan.Zero) },
        { "timestamp(3) with time zone", "2024-03-01 10:15:00.000 +01:00", new DateTimeOffset(2024, 3, 1, 10, 15, 0, TimeSpan.FromHours(1)) },
        { "time", "23:59:59.500", new TimeOnly(23, 59, 59, 500) },
        { "array(varchar)", "[a, b]", "[a, b]" },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Convert_MapsTheTextToTheColumnsType(string type, string text, object expected)
    {
        var value = AthenaValueMapping.Convert(text, type);

        Assert.Equal(expected, value);
        Assert.IsType(AthenaValueMapping.ClrType(type), value);
    }

    [Fact]
    public void Convert_NoValue_IsNull() => Assert.Null(AthenaValueMapping.Convert(null, "bigint"));

    [Fact]
    public void Convert_UnparsableText_SaysWhichValueAndType()
    {
        var error = Assert.Throws<FormatException>(() => AthenaValueMapping.Convert("12,5", "double"));

        Assert.Contains("'12,5' for a double column", error.Message);
    }
}
