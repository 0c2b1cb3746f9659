using System.Globalization;
using CinemaStats.Transform.Parsing;

namespace CinemaStats.Transform.Tests;

/// <summary>
/// The fast path for dates and times must agree with the format lists it stands in front of:
/// whatever it accepts, <c>TryParseExact</c> accepts with the same value.
/// </summary>
public sealed class IsoDateTimeTests
{
    private static readonly string[] LocalFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm",
    ];

    private static readonly string[] OffsetFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", "yyyy-MM-dd HH:mm:ss.FFFFFFF'Z'",
    ];

    public static TheoryData<string> Texts() =>
    [
        "2026-03-06T19:30:00+01:00", "2026-03-06 19:30:00-05:30", "2026-03-06T19:30:00Z", "2026-03-06T19:30:00.123Z",
        "2026-03-06T19:30:00.1234567+00:00", "2026-03-06T19:30:00", "2026-03-06 19:30", "2026-03-06T23:59:59.9",
        "2024-02-29T00:00:00", "2026-12-31 06:00:00+14:00",
        // Shapes the fast path leaves to the format lists (or that nothing accepts).
        "2026-03-06T19:30+01:00", "2026-02-29T10:00:00", "2026-13-01T10:00:00", "2026-03-06T24:00:00", "2026-03-06T19:30:00.",
        "2026-03-06T19:30:00.12345678", "2026-03-06T19:30:00+15:00", "2026-03-06T19:30:00z", "06/03/2026 19:30", "2026-3-6 19:30",
        " 2026-03-06 19:30", "2026-03-06 19:30 ", "2026-03-06T19:30:00+0100",
    ];

    [Theory]
    [MemberData(nameof(Texts))]
    public void What_the_fast_path_accepts_the_format_lists_accept_with_the_same_value(string text)
    {
        // The POS reader takes an offset only with seconds; without, it asks the format lists.
        if (!IsoDateTime.TryParse(text, out var parts) || parts is { Offset: not null, HasSeconds: false })
        {
            return;
        }
        if (parts.Offset is { } offset)
        {
            Assert.True(DateTimeOffset.TryParseExact(text, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expected), text);
            Assert.Equal((expected.DateTime, expected.Offset), (parts.Local, offset));
        }
        else
        {
            Assert.True(DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var expected), text);
            Assert.Equal(expected, parts.Local);
        }
    }

    [Theory]
    [InlineData("2026-03-06T19:30:00+01:00", true)]
    [InlineData("2026-03-06 19:30", true)]
    [InlineData("2026-02-29T10:00:00", false)]
    [InlineData("2026-03-06T24:00:00", false)]
    [InlineData("2026-03-06T19:30:00z", false)]
    public void Common_shapes_take_the_fast_path_and_impossible_dates_do_not(string text, bool fast) =>
        Assert.Equal(fast, IsoDateTime.TryParse(text, out _));

    [Theory]
    [InlineData("2026-03-06", true)]
    [InlineData("2024-02-29", true)]
    [InlineData("2026-02-29", false)]
    [InlineData("2026-3-06", false)]
    [InlineData("06.03.2026", false)]
    public void Dates_agree_with_the_yyyy_MM_dd_format(string text, bool valid)
    {
        Assert.Equal(valid, IsoDateTime.TryParseDate(text, out var date));
        Assert.Equal(valid, DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expected));
        Assert.Equal(expected, date);
    }
}
