using System.Globalization;

namespace CinemaStats.Core.Tests.SampleData;

/// <summary>The clean data set (dirt rate 0) keeps every contract of docs/data-contract.md and looks like a real cinema chain.</summary>
public sealed class CleanSampleDataTests(CleanDataSetFixture fixture) : IClassFixture<CleanDataSetFixture>
{
    private GeneratedDataSet Set => fixture.Set;

    private Dictionary<string, SessionRow> SessionsById => Set.Sessions.ToDictionary(s => s.Id);

    [Fact]
    public void Clean_files_carry_no_dirt()
    {
        Assert.Empty(DirtFinder.Find(Set));
        Assert.DoesNotContain(Set.Files, f => f.FileName.Contains("_resent", StringComparison.Ordinal));
    }

    [Fact]
    public void There_is_one_sessions_and_one_pos_file_per_cinema_and_day()
    {
        var options = Set.Options;
        Assert.Single(Set.Files, f => f.Source == "films");
        Assert.Equal(options.Cinemas * options.Days, Set.Files.Count(f => f.Source == "sessions"));
        Assert.Equal(options.Cinemas * options.Days, Set.Files.Count(f => f.Source == "pos_transactions"));
        Assert.All(Set.Sessions, s => Assert.Equal($"sessions_{s["cinema_id"]}_{s["business_date"]}.csv", s.File));
        Assert.All(Set.PosLines, l => Assert.Equal($"pos_{l.CinemaId}_{l.BusinessDate}.jsonl", l.File));
        Assert.All(Set.Files.Where(f => f.Source == "sessions"), f =>
            Assert.StartsWith(string.Join(',', GeneratedDataSet.CanonicalSessionsHeader) + "\n", f.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Session_ids_are_unique()
    {
        Assert.Equal(Set.Sessions.Count, Set.Sessions.Select(s => s.Id).Distinct().Count());
    }

    [Fact]
    public void A_show_before_six_belongs_to_the_previous_business_day_and_late_shows_exist()
    {
        foreach (var session in Set.Sessions)
        {
            var show = session.ShowLocal;
            var expected = DateOnly.FromDateTime(show.TimeOfDay < TimeSpan.FromHours(6) ? show.AddDays(-1) : show);
            Assert.Equal(expected.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), session["business_date"]);
        }
        Assert.Contains(Set.Sessions, s => s.ShowLocal.TimeOfDay < TimeSpan.FromHours(6));
    }

    [Fact]
    public void Cinemas_are_in_several_zones_and_currencies_with_three_to_ten_screens()
    {
        Assert.Equal(["CHF", "EUR", "GBP"], Set.Sessions.Select(s => s["currency"]).Distinct().Order());
        Assert.Equal(["Europe/Berlin", "Europe/London", "Europe/Zurich"], Set.Sessions.Select(s => s["cinema_tz"]).Distinct().Order());
        foreach (var cinema in Set.Sessions.GroupBy(s => s["cinema_id"]))
        {
            var screens = cinema.GroupBy(s => s["screen_id"]).ToList();
            Assert.InRange(screens.Count, 3, 10);
            Assert.All(screens, screen => Assert.Single(screen.Select(s => s["capacity"]).Distinct()));
            Assert.All(cinema, s => Assert.True(int.Parse(s["capacity"], CultureInfo.InvariantCulture) > 0));
        }
    }

    [Fact]
    public void No_session_sells_more_seats_than_it_has_and_cancelled_sessions_sell_none()
    {
        var sessions = SessionsById;
        var sold = Set.PosLines.Where(l => l.IsTicket && l.Quantity > 0).GroupBy(l => l.SessionId!);
        foreach (var session in sold)
        {
            Assert.True(sessions.TryGetValue(session.Key, out var row), $"Ticket lines name {session.Key}, which no sessions file has.");
            Assert.True(session.Sum(l => l.Quantity) <= int.Parse(row["capacity"], CultureInfo.InvariantCulture), $"{session.Key} sells above capacity.");
            Assert.Equal("OPEN", row["status"]);
            Assert.All(session, l => Assert.Equal((row["cinema_id"], row["business_date"]), (l.CinemaId, l.BusinessDate)));
        }
        Assert.Contains(Set.Sessions, s => s["status"] == "CANCELLED");
    }

    [Fact]
    public void Refunds_are_new_transactions_giving_back_an_earlier_sale()
    {
        var refunds = Set.PosLines.Where(l => l.Quantity < 0).ToList();
        Assert.NotEmpty(refunds);
        foreach (var file in Set.PosLines.GroupBy(l => l.File))
        {
            var order = file.Select(l => l.TransactionId).Distinct().Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
            var lines = file.ToLookup(l => l.TransactionId);
            foreach (var refund in file.Where(l => l.Quantity < 0))
            {
                Assert.NotNull(refund.OriginalTransactionId);
                Assert.True(order.TryGetValue(refund.OriginalTransactionId, out var originalAt), $"{refund.TransactionId} refunds {refund.OriginalTransactionId}, which is not in {file.Key}.");
                Assert.True(originalAt < order[refund.TransactionId]);
                var original = lines[refund.OriginalTransactionId].Single(l => l.SessionId == refund.SessionId && l.TicketType == refund.TicketType);
                Assert.True(-refund.Quantity <= original.Quantity);
                Assert.Equal(original.UnitPrice, refund.UnitPrice);
                Assert.Equal("COMPLETED", original.Status);
                Assert.True(DateTimeOffset.Parse(refund.Timestamp, CultureInfo.InvariantCulture) > DateTimeOffset.Parse(original.Timestamp, CultureInfo.InvariantCulture));
            }
        }
        Assert.All(Set.PosLines.Where(l => l.OriginalTransactionId is not null), l => Assert.True(l.Quantity < 0));
    }

    [Fact]
    public void Comps_voids_fees_and_concessions_all_occur()
    {
        var comps = Set.PosLines.Where(l => l.TicketType == "COMP").ToList();
        Assert.NotEmpty(comps);
        Assert.All(comps, l => Assert.Equal(0m, l.UnitPrice));
        Assert.Contains(Set.PosLines, l => l.IsVoid);
        Assert.All(Set.PosLines.Where(l => l.LineType == "FEE"), l => Assert.Contains(l.Channel, new[] { "WWW", "APP" }));
        Assert.Contains(Set.PosLines, l => l.LineType == "FEE");
        Assert.Contains(Set.PosLines, l => l.LineType == "CONCESSION" && l.Sku == "POPCORN-M");
        Assert.Equal(["APP", "KIOSK", "POS", "WWW"], Set.PosLines.Select(l => l.Channel).Distinct().Order());
        Assert.Equal(["ADULT", "CHILD", "COMP", "MEMBER", "SENIOR", "STUDENT"], Set.PosLines.Where(l => l.IsTicket).Select(l => l.TicketType!).Distinct().Order());
    }

    [Fact]
    public void Money_has_two_decimals_and_timestamps_carry_the_cinema_offset()
    {
        var zones = Set.Sessions.Select(s => (s["cinema_id"], s["cinema_tz"])).Distinct()
            .ToDictionary(x => x.Item1, x => TimeZoneInfo.FindSystemTimeZoneById(x.Item2));
        foreach (var line in Set.PosLines)
        {
            Assert.True(line.MoneyAsTwoDecimalNumbers, $"{line.TransactionId}/{line.LineNo} writes money otherwise.");
            var timestamp = DateTimeOffset.ParseExact(line.Timestamp, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
            Assert.Equal(zones[line.CinemaId].GetUtcOffset(timestamp), timestamp.Offset);
            Assert.Equal(line.BusinessDate, timestamp.DateTime.AddHours(-6).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Assert.Equal(Math.Round(line.Tax, 2), line.Tax);
        }
    }

    [Fact]
    public void Weekends_sell_more_than_weekdays_and_evenings_more_than_weekday_matinees()
    {
        var admissions = Admissions();
        var byDay = Set.Sessions.GroupBy(s => DateOnly.ParseExact(s["business_date"], "yyyy-MM-dd", CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => g.Sum(s => admissions.GetValueOrDefault(s.Id)));
        var weekend = byDay.Where(d => d.Key.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday).Average(d => d.Value);
        var weekday = byDay.Where(d => d.Key.DayOfWeek is >= DayOfWeek.Monday and <= DayOfWeek.Thursday).Average(d => d.Value);
        Assert.True(weekend > 1.5 * weekday, $"Weekend days average {weekend:0} admissions, Monday to Thursday {weekday:0}.");

        var weekdays = Set.Sessions.Where(s => s.ShowLocal.DayOfWeek is >= DayOfWeek.Monday and <= DayOfWeek.Thursday).ToList();
        var matinee = weekdays.Where(s => s.ShowLocal.Hour is >= 6 and < 17).Average(s => admissions.GetValueOrDefault(s.Id));
        var evening = weekdays.Where(s => s.ShowLocal.Hour is >= 17 and < 21).Average(s => admissions.GetValueOrDefault(s.Id));
        Assert.True(evening > matinee, $"Weekday evening shows average {evening:0.0} admissions, matinees {matinee:0.0}.");
    }

    [Fact]
    public void Occupancy_is_mostly_between_five_and_sixty_percent()
    {
        var admissions = Admissions();
        var occupancy = Set.Sessions.Where(s => s["status"] == "OPEN")
            .Select(s => (double)admissions.GetValueOrDefault(s.Id) / int.Parse(s["capacity"], CultureInfo.InvariantCulture))
            .Order()
            .ToList();
        Assert.InRange(occupancy[occupancy.Count / 2], 0.05, 0.6);
        Assert.True(occupancy.Count(o => o is >= 0.05 and <= 0.6) > 0.6 * occupancy.Count);
    }

    [Fact]
    public void Films_open_on_Fridays_and_lose_admissions_week_on_week()
    {
        var films = Set.Films.RootElement.EnumerateArray()
            .ToDictionary(f => f.GetProperty("Title").GetString()!, f => DateOnly.ParseExact(f.GetProperty("Release Date").GetString()!, "MMM dd yyyy", CultureInfo.InvariantCulture));
        var playing = Set.Sessions.Select(s => s["film_title_raw"]).Distinct().ToList();
        Assert.All(playing, title =>
        {
            Assert.Equal(DayOfWeek.Friday, films[title].DayOfWeek);
            Assert.InRange(films[title], Set.Options.StartDate.AddDays(-35), Set.Options.EndDate);
        });
        Assert.Contains(playing, title => films[title] < Set.Options.StartDate);

        var admissions = Admissions();
        var openers = playing.Where(title => films[title] == Set.Options.StartDate).ToList();
        Assert.NotEmpty(openers);
        foreach (var title in openers)
        {
            int Week(int n) => Set.Sessions
                .Where(s => s["film_title_raw"] == title)
                .Where(s => (DateOnly.ParseExact(s["business_date"], "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber - Set.Options.StartDate.DayNumber) / 7 == n)
                .Sum(s => admissions.GetValueOrDefault(s.Id));
            Assert.True(Week(1) < Week(0), $"{title}: week 1 {Week(0)}, week 2 {Week(1)}.");
            Assert.True(Week(1) > 0);
        }
    }

    [Fact]
    public void Family_films_sell_child_tickets()
    {
        var family = Set.Films.RootElement.EnumerateArray()
            .Where(f => f.GetProperty("Creative Type").GetString() == "Kids Fiction")
            .Select(f => f.GetProperty("Title").GetString()!)
            .ToHashSet();
        var sessions = SessionsById;
        var tickets = Set.PosLines.Where(l => l.IsTicket && !l.IsVoid && l.Quantity > 0)
            .GroupBy(l => family.Contains(sessions[l.SessionId!]["film_title_raw"]))
            .ToDictionary(g => g.Key, g => (double)g.Where(l => l.TicketType == "CHILD").Sum(l => l.Quantity) / g.Sum(l => l.Quantity));
        Assert.True(tickets[true] > 0.3, $"Family films: {tickets[true]:P0} child tickets.");
        Assert.True(tickets[false] < 0.05, $"Other films: {tickets[false]:P0} child tickets.");
    }

    [Fact]
    public void The_catalogue_has_the_public_film_table_layout()
    {
        string[] keys =
        [
            "Title", "US Gross", "Worldwide Gross", "US DVD Sales", "Production Budget", "Release Date", "MPAA Rating", "Running Time min",
            "Distributor", "Source", "Major Genre", "Creative Type", "Director", "Rotten Tomatoes Rating", "IMDB Rating", "IMDB Votes",
        ];
        var films = Set.Films.RootElement.EnumerateArray().ToList();
        Assert.Equal(Set.Options.FilmsCount, films.Count);
        Assert.All(films, f => Assert.Equal(keys, f.EnumerateObject().Select(p => p.Name)));
    }

    /// <summary>Admissions per session as docs/data-contract.md counts them: refunds negative, voids out, comps in.</summary>
    private Dictionary<string, int> Admissions() =>
        Set.PosLines.Where(l => l.IsTicket && !l.IsVoid)
            .GroupBy(l => l.SessionId!)
            .ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity));
}
