using CinemaStats.Web.Dashboard;

namespace CinemaStats.Web.Tests;

public sealed class NumbersTests
{
    [Theory]
    [InlineData(12345.0, "12,345")]
    [InlineData(0.0, "0")]
    [InlineData(1234.5, "1,234.5")]
    [InlineData(17.25, "17.25")]
    [InlineData(3.14159, "3.14")]
    public void A_chart_value_is_grouped_and_keeps_only_the_decimals_it_has(double value, string shown) =>
        Assert.Equal(shown, Numbers.Value(value));
}
