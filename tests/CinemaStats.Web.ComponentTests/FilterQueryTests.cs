using CinemaStats.Web.Dashboard;
using CinemaStats.Web.Queries.Dashboard;
using Microsoft.AspNetCore.WebUtilities;

namespace CinemaStats.Web.ComponentTests;

public sealed class FilterQueryTests
{
    private static readonly DateOnly LastDate = new(2030, 3, 28);

    [Fact]
    public void A_filter_survives_the_trip_through_the_address()
    {
        var filter = new DashboardFilter(new DateOnly(2030, 3, 2), new DateOnly(2030, 3, 9), ["C1", "C 2"], ["unmatched|the lost reel", "F&1"], ["Sci-Fi"], ["Acme = Pictures"]);

        var query = QueryHelpers.ParseQuery(FilterQuery.ToQueryString(filter));
        var back = FilterQuery.Parse(query.ToDictionary(q => q.Key, q => q.Value), LastDate);

        Assert.Equal(filter.From, back.From);
        Assert.Equal(filter.To, back.To);
        Assert.Equal(filter.Cinemas, back.Cinemas);
        Assert.Equal(filter.Films, back.Films);
        Assert.Equal(filter.Genres, back.Genres);
        Assert.Equal(filter.Distributors, back.Distributors);
    }

    [Fact]
    public void Without_dates_the_page_shows_the_last_four_weeks_that_have_data()
    {
        var filter = FilterQuery.Parse(null, null, null, null, null, null, LastDate);

        Assert.Equal(LastDate, filter.To);
        Assert.Equal(28, filter.Days);
        Assert.Empty(filter.Cinemas);
    }

    [Fact]
    public void Unreadable_dates_fall_back_and_a_reversed_range_is_put_right()
    {
        var garbled = FilterQuery.Parse("yesterday", "2030-13-45", [" ", ""], null, null, null, LastDate);
        var reversed = FilterQuery.Parse("2030-03-20", "2030-03-10", ["C1", "C1"], null, null, null, LastDate);

        Assert.Equal((LastDate.AddDays(-27), LastDate), (garbled.From, garbled.To));
        Assert.Empty(garbled.Cinemas);
        Assert.Equal((new DateOnly(2030, 3, 10), new DateOnly(2030, 3, 20)), (reversed.From, reversed.To));
        Assert.Equal(["C1"], reversed.Cinemas);
    }

    [Fact]
    public void A_single_start_date_shows_four_weeks_from_it()
    {
        var filter = FilterQuery.Parse("2030-01-01", null, null, null, null, null, LastDate);

        Assert.Equal((new DateOnly(2030, 1, 1), new DateOnly(2030, 1, 28)), (filter.From, filter.To));
    }
}
