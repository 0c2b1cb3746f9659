using System.Diagnostics.Metrics;
using CinemaStats.Core.Pipeline;
using CinemaStats.Web.Queries;
using CinemaStats.Web.Queries.Dashboard;
using CinemaStats.Web.Tests.TestData;
using Microsoft.Extensions.DependencyInjection;

namespace CinemaStats.Web.Tests;

/// <summary>
/// Results are cached by query, parameters and the data versions of the tables the query reads;
/// hits and misses are the metrics an operator sees.
/// </summary>
public sealed class ResultCacheTests : IAsyncLifetime
{
    private static readonly DashboardFilter AllDates = DashboardFilter.ForRange(CinemaData.Friday, CinemaData.Friday.AddDays(13));

    private readonly QueryHost _host = QueryHost.Filesystem();
    private readonly MeterListener _listener = new();
    private readonly Dictionary<(string Instrument, string Query), long> _counts = [];

    public async ValueTask InitializeAsync()
    {
        var factory = _host.Services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            // Only this host's meter: other tests run their own hosts in parallel.
            if (instrument.Meter.Name == QueryMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var query = tags.ToArray().Single(t => t.Key == "query").Value as string ?? "";
            lock (_counts)
            {
                _counts[(instrument.Name, query)] = _counts.GetValueOrDefault((instrument.Name, query)) + value;
            }
        });
        _listener.Start();
        await CuratedTestTables.PublishAllAsync(_host.Store, CinemaData.Sessions, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Dispose();
        await _host.DisposeAsync();
    }

    private (long Hits, long Misses) Count(string query)
    {
        lock (_counts)
        {
            return (_counts.GetValueOrDefault((QueryMetrics.CacheHits, query)), _counts.GetValueOrDefault((QueryMetrics.CacheMisses, query)));
        }
    }

    /// <summary>Three queries on three different tables: mart_cinema_day, fact_session and dim_film.</summary>
    private async Task AskAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        await _host.Queries.KpiTotalsAsync(AllDates, ct);
        await _host.Queries.TopFilmsAsync(AllDates, 5, ct);
        await _host.Queries.FilmAsync(CinemaData.Up.Key, ct);
    }

    [Fact]
    public async Task The_same_question_on_the_same_data_is_answered_from_the_cache()
    {
        await AskAsync();
        await AskAsync();
        await _host.Queries.KpiTotalsAsync(AllDates with { To = AllDates.To.AddDays(1) }, TestContext.Current.CancellationToken);

        Assert.Equal((1, 2), Count("KpiTotalsFromMart"));
        Assert.Equal((1, 1), Count("TopFilms"));
        Assert.Equal((1, 1), Count("Film"));
    }

    [Fact]
    public async Task A_new_version_of_one_table_invalidates_exactly_the_queries_that_read_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var publisher = new PartitionPublisher(_host.Store, TimeProvider.System);
        await AskAsync();

        // A new dim_film: only the film query reads it.
        var renamed = CinemaData.Films.Select(f => f == CinemaData.Up ? f with { Title = "Up (restored)" } : f).ToList();
        await publisher.PublishAsync(CuratedTestTables.DimFilm(renamed), null, ct);
        await AskAsync();
        var film = await _host.Queries.FilmAsync(CinemaData.Up.Key, ct);

        Assert.Equal((1, 1), Count("KpiTotalsFromMart"));
        Assert.Equal((1, 1), Count("TopFilms"));
        Assert.Equal((1, 2), Count("Film"));
        Assert.Equal("Up (restored)", film!.Title);

        // A new fact_session partition: the film ranking reads it, the mart-based totals and the film do not.
        var friday = CinemaData.Sessions.Where(s => s.BusinessDate == CinemaData.Friday).Select(s => s with { Adm = s.Adm + 100 }).ToList();
        await publisher.PublishAsync(CuratedTestTables.FactSession(friday), CinemaData.Friday, ct);
        await AskAsync();

        Assert.Equal((2, 1), Count("KpiTotalsFromMart"));
        Assert.Equal((1, 2), Count("TopFilms"));
        Assert.Equal((2, 2), Count("Film"));
        var top = await _host.Queries.TopFilmsAsync(AllDates, 5, ct);
        Assert.Equal(CinemaData.Sessions.Where(s => s.Film == CinemaData.Avatar && s.Currency == "GBP").Sum(s => s.Adm)
            + friday.Count(s => s.Film == CinemaData.Avatar && s.Currency == "GBP") * 100,
            top.Single(f => f.FilmKey == CinemaData.Avatar.Key && f.Currency == "GBP").Adm);
    }
}
