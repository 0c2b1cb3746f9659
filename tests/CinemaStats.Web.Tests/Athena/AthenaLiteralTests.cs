using CinemaStats.Web.Queries.Athena;

namespace CinemaStats.Web.Tests.Athena;

public sealed class AthenaLiteralTests
{
    public static TheoryData<object?, string> Literals => new()
    {
        { null, "NULL" },
        { "plain", "'plain'" },
        { "O'Brien'); DROP TABLE x; --", "'O''Brien''); DROP TABLE x; --'" },
        { "", "''" },
        { true, "TRUE" },
        { false, "FALSE" },
        { 42, "42" },
        { -9_000_000_000L, "-9000000000" },
        { 12345.67m, "12345.67" },
        { 0.5, "0.5E0" },
        { 1e-7, "1E-07" },
        { 2.5f, "2.5E0" },
        { new DateOnly(2024, 3, 1), "DATE '2024-03-01'" },
        { new DateTime(2024, 3, 1, 10, 15, 30, 250, DateTimeKind.Utc), "TIMESTAMP '2024-03-01 10:15:30.250'" },
        { new DateTimeOffset(2024, 3, 1, 12, 0, 0, TimeSpan.FromHours(2)), "TIMESTAMP '2024-03-01 10:00:00.000 UTC'" },
    };

    [Theory]
    [MemberData(nameof(Literals))]
    public void Format_GivesTheSqlLiteral(object? value, string expected) => Assert.Equal(expected, AthenaLiteral.Format(value));

    [Fact]
    public void Format_IgnoresTheCurrentCulture()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            Assert.Equal("1234.5", AthenaLiteral.Format(1234.5m));
            Assert.Equal("0.25E0", AthenaLiteral.Format(0.25));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Format_RejectsValuesWithoutALiteral()
    {
        Assert.Throws<ArgumentException>(() => AthenaLiteral.Format(double.NaN));
        Assert.Throws<NotSupportedException>(() => AthenaLiteral.Format(new object()));
        Assert.Throws<ArgumentException>(() => AthenaLiteral.Format(new string('x', 1023)));
    }
}
