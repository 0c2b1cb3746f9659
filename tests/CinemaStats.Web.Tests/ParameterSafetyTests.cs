using CinemaStats.Web.Queries.Catalogue;
using CinemaStats.Web.Queries.Dashboard;
using CinemaStats.Web.Tests.TestData;

namespace CinemaStats.Web.Tests;

/// <summary>What a user types reaches the engine as a parameter: hostile text matches nothing, and a real name with a quote matches itself.</summary>
public sealed class ParameterSafetyTests : IAsyncLifetime
{
    private const string Hostile = "x' OR 1=1 --";
    private static readonly DashboardFilter AllDates = DashboardFilter.ForRange(CinemaData.Friday, CinemaData.Friday.AddDays(13));

    private readonly QueryHost _host = QueryHost.Filesystem();

    public async ValueTask InitializeAsync() =>
        await CuratedTestTables.PublishAllAsync(_host.Store, CinemaData.Sessions, TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Hostile_text_in_any_filter_list_matches_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var queries = _host.Queries;

        Assert.Empty(await queries.KpiTotalsAsync(AllDates with { Cinemas = [Hostile] }, ct));
        Assert.Empty(await queries.KpiTotalsAsync(AllDates with { Genres = [Hostile] }, ct));
        Assert.Empty(await queries.TopFilmsAsync(AllDates with { Films = [Hostile] }, 10, ct));
        Assert.Empty(await queries.DistributorShareAsync(AllDates with { Distributors = [Hostile, "'; DROP VIEW fact_session; --"] }, ct));
        Assert.Empty(await queries.CinemaDaysAsync(Hostile, AllDates, ct));
        Assert.Empty(await queries.FilmDaysAsync(Hostile, AllDates, ct));
        Assert.Empty(await queries.FilmWeekScreensAsync(Hostile, AllDates, ct));
        Assert.Empty(await queries.FilmScreensAsync(Hostile, AllDates, ct));
        Assert.Null(await queries.FilmAsync(Hostile, ct));

        // The views are still there and answer normally.
        Assert.NotEmpty(await queries.KpiTotalsAsync(AllDates, ct));
    }

    [Fact]
    public async Task Names_with_quotes_match_exactly_their_rows()
    {
        var ct = TestContext.Current.CancellationToken;

        var totals = Assert.Single(await _host.Queries.KpiTotalsAsync(AllDates with { Distributors = ["Columbia's"] }, ct));
        var film = Assert.Single(await _host.Queries.TopFilmsAsync(AllDates with { Films = [CinemaData.DadsArmy.Key] }, 10, ct));

        var expected = CinemaData.Sessions.Single(s => s.Film == CinemaData.DadsArmy);
        Assert.Equal((expected.Currency, expected.Adm, expected.GboMinor), (totals.Currency, totals.Adm, totals.GboMinor));
        Assert.Equal((CinemaData.DadsArmy.Key, "Dad's Army", expected.Adm), (film.FilmKey, film.Title, film.Adm));
    }

    [Fact]
    public void Values_never_enter_the_sql_text()
    {
        var filter = AllDates with { Cinemas = [Hostile], Films = [Hostile], Genres = [Hostile], Distributors = [Hostile] };

        foreach (var query in KpiCatalogue.All)
        {
            var (sql, parameters) = query.Bind(query.HasFilter ? SqlFilter.OnSessions(filter) : null,
                Enumerable.Repeat<object?>(Hostile, query.Sql.Replace(KpiQuery.FilterSlot, "").Count(c => c == '?')).ToArray());
            Assert.DoesNotContain(Hostile, sql, StringComparison.Ordinal);
            Assert.Equal(sql.Count(c => c == '?'), parameters.Count);
        }
    }
}
