using CinemaStats.Web.Dashboard;
using CinemaStats.Web.Queries.Dashboard;

namespace CinemaStats.Web.Tests;

/// <summary>Quick ranges, film weeks and comparison periods against dates worked out on a calendar.</summary>
public sealed class PeriodsTests
{
    // Wednesday 2024-03-13: its film week started on Friday 2024-03-08.
    private static readonly DateOnly Wednesday = new(2024, 3, 13);

    private static (DateOnly, DateOnly) Preset(string id, DateOnly last) => Periods.Presets.Single(p => p.Id == id).Range(last);

    [Fact]
    public void Quick_ranges_end_on_the_last_day_with_data()
    {
        Assert.Equal((new DateOnly(2024, 3, 8), Wednesday), Preset("this-week", Wednesday));
        Assert.Equal((new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 7)), Preset("last-week", Wednesday));
        Assert.Equal((new DateOnly(2024, 3, 8), new DateOnly(2024, 3, 10)), Preset("last-weekend", Wednesday));
        Assert.Equal((new DateOnly(2024, 3, 1), Wednesday), Preset("mtd", Wednesday));
        Assert.Equal((new DateOnly(2024, 1, 1), Wednesday), Preset("ytd", Wednesday));
        Assert.Equal((new DateOnly(2024, 3, 7), Wednesday), Preset("7", Wednesday));
        Assert.Equal((new DateOnly(2024, 2, 15), Wednesday), Preset("28", Wednesday));
        Assert.Equal((new DateOnly(2023, 12, 14), Wednesday), Preset("91", Wednesday));
    }

    [Fact]
    public void On_a_Sunday_the_last_weekend_is_that_weekend_and_on_a_Friday_the_film_week_is_one_day()
    {
        var sunday = new DateOnly(2024, 3, 10);
        Assert.Equal((new DateOnly(2024, 3, 8), sunday), Preset("last-weekend", sunday));
        var friday = new DateOnly(2024, 3, 8);
        Assert.Equal((friday, friday), Preset("this-week", friday));
        Assert.Equal((new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 7)), Preset("last-week", friday));
    }

    [Fact]
    public void The_same_weekdays_last_year_are_364_days_back()
    {
        // Fri 2024-03-08 – Sun 2024-03-10 against Fri 2023-03-10 – Sun 2023-03-12.
        var weekend = DashboardFilter.ForRange(new DateOnly(2024, 3, 8), new DateOnly(2024, 3, 10)) with { Compare = Comparison.LastYear };
        var before = weekend.ComparisonPeriod();
        Assert.Equal((new DateOnly(2023, 3, 10), new DateOnly(2023, 3, 12)), (before.From, before.To));
        Assert.Equal(DayOfWeek.Friday, before.From.DayOfWeek);
        Assert.Equal(364, weekend.ComparisonOffsetDays);
        Assert.Equal("same weekdays last year (Fri 2023-03-10 – Sun 2023-03-12)", Periods.ComparisonName(weekend));

        var previous = weekend with { Compare = Comparison.PreviousPeriod };
        Assert.Equal((new DateOnly(2024, 3, 5), new DateOnly(2024, 3, 7)), (previous.ComparisonPeriod().From, previous.ComparisonPeriod().To));
        Assert.Equal("previous 3 days (Tue 2024-03-05 – Thu 2024-03-07)", Periods.ComparisonName(previous));
    }

    [Fact]
    public void The_comparison_is_kept_in_the_address_and_bad_values_are_reported()
    {
        var filter = DashboardFilter.ForRange(new DateOnly(2024, 3, 8), new DateOnly(2024, 3, 10)) with { Compare = Comparison.LastYear };
        var text = FilterQuery.ToQueryString(filter);
        Assert.Equal("from=2024-03-08&to=2024-03-10&compare=year", text);
        var back = FilterQuery.Parse("2024-03-08", "2024-03-10", null, null, null, null, Wednesday, "year");
        Assert.Equal((filter.From, filter.To, Comparison.LastYear), (back.From, back.To, back.Compare));

        Assert.Empty(FilterQuery.Problems("2024-03-08", "2024-03-10", "year"));
        var problems = FilterQuery.Problems("2024-13-45", "2024-03-10", "decade");
        Assert.Equal(2, problems.Count);
        Assert.Contains("'2024-13-45' in from= is not a date", problems[0]);
        Assert.Contains("'decade' in compare=", problems[1]);
        Assert.Contains("swapped", Assert.Single(FilterQuery.Problems("2024-03-10", "2024-03-08", null)));
    }
}
