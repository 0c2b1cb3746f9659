using CinemaStats.Core.Pipeline;
using CinemaStats.Core.Tables;
using CinemaStats.Web.Tests.TestData;

namespace CinemaStats.Web.Tests;

/// <summary>Cinema names and regions from the optional cinemas reference table (dim_cinema), the id where it has none; real DuckDB over real Parquet.</summary>
public sealed class CinemaReferenceTests : IAsyncLifetime
{
    private readonly QueryHost _host = QueryHost.Filesystem();

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        await CuratedTestTables.PublishAllAsync(_host.Store, CinemaData.Sessions, ct);
        var cinemas = TableColumns.Create(CuratedTables.DimCinema, 2);
        (cinemas.Get<string?>("cinema_id")[0], cinemas.Get<string?>("cinema_name")[0], cinemas.Get<string?>("region")[0]) = ("LON", "Odeon Leicester Square", "West End");
        (cinemas.Get<string?>("cinema_id")[1], cinemas.Get<string?>("cinema_name")[1], cinemas.Get<string?>("region")[1]) = ("NOWHERE", "A cinema with no session", null);
        cinemas.Get<string?>("source_object")[0] = cinemas.Get<string?>("source_object")[1] = "raw/cinemas/ingest_date=2024-03-01/c.csv";
        await new PartitionPublisher(_host.Store, TimeProvider.System).PublishAsync(cinemas, null, ct);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task A_named_cinema_shows_its_name_and_region_and_the_others_keep_their_id_and_time_zone_city()
    {
        var options = await _host.Queries.FilterOptionsAsync(TestContext.Current.CancellationToken);

        var (lon, man) = (options.Cinema("LON"), options.Cinema("MAN"));
        Assert.Equal(("Odeon Leicester Square", "West End", "Odeon Leicester Square (LON)"), (lon.Name, lon.Region, lon.Label));
        Assert.Equal(("MAN", "London", "MAN"), (man.Name, man.Region, man.Label));
        // The cinemas of the data, not of the reference file: one without sessions is not offered.
        Assert.Equal(["LON", "MAN", "PAR"], options.Cinemas);
    }
}
