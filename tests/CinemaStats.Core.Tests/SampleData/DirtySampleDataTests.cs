using System.Globalization;
using CinemaStats.Core.SampleData;

namespace CinemaStats.Core.Tests.SampleData;

/// <summary>At a dirt rate of 0.2 every kind of docs/data-contract.md dirt shows up, at about that rate, over clean data.</summary>
public sealed class DirtySampleDataTests(DirtyDataSetFixture fixture) : IClassFixture<DirtyDataSetFixture>
{
    private GeneratedDataSet Set => fixture.Set;

    [Fact]
    public void Every_kind_of_dirt_appears()
    {
        var found = DirtFinder.Find(Set);

        Assert.Empty(DirtFinder.AllKinds.Except(found));
    }

    [Fact]
    public void Row_dirt_comes_at_about_the_chosen_rate()
    {
        var lines = Set.OriginalPosLines.ToList();
        Assert.InRange(lines.Count(l => l.DecimalComma) / (double)lines.Count, 0.15, 0.25);
        Assert.InRange(lines.Count(l => l.Timestamp.EndsWith('Z')) / (double)lines.Count, 0.05, 0.15);
        var sessions = Set.OriginalSessions.ToList();
        Assert.InRange(sessions.Count(s => s["capacity"] is "" or "0") / (double)sessions.Count, 0.12, 0.28);
    }

    [Fact]
    public void Dirty_files_still_never_sell_above_capacity()
    {
        var clean = Set.OriginalSessions.Where(s => s["capacity"] is not ("" or "0"))
            .GroupBy(s => s.Id)
            .ToDictionary(g => g.Key, g => int.Parse(g.First()["capacity"], CultureInfo.InvariantCulture));
        var sold = Set.OriginalPosLines.Where(l => l.IsTicket && l.Quantity > 0 && l.SessionId is { Length: > 0 })
            .GroupBy(l => l.SessionId!)
            .Where(g => clean.ContainsKey(g.Key));
        Assert.All(sold, g => Assert.True(g.Sum(l => l.Quantity) <= clean[g.Key], $"{g.Key} sells above capacity."));
        Assert.Equal(Set.Options.Cinemas * Set.Options.Days, Set.Files.Count(f => f.Source == "sessions" && !f.FileName.Contains("_resent", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Shows_land_in_the_repeated_hour_of_an_autumn_night()
    {
        var autumn = new SampleDataOptions { Seed = 3, Cinemas = 1, Days = 3, StartDate = new DateOnly(2026, 10, 23), DirtRate = 0.5 };
        var set = await GeneratedDataSet.CreateAsync(autumn, TestContext.Current.CancellationToken);

        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var repeated = set.Sessions.Where(s => london.IsAmbiguousTime(s.ShowLocal)).ToList();
        Assert.NotEmpty(repeated);
        Assert.All(repeated, s => Assert.Equal("2026-10-24", s["business_date"]));
        Assert.Contains("sessions: show in a DST repeat", DirtFinder.Find(set));
    }
}
