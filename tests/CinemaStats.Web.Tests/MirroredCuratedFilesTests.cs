using CinemaStats.Core.Pipeline;
using CinemaStats.TestSupport;
using CinemaStats.Web.Queries.Dashboard;
using CinemaStats.Web.Tests.TestData;

namespace CinemaStats.Web.Tests;

/// <summary>In S3 modes DuckDB reads a local mirror; a new publication reaches the dashboard, and only changed objects are downloaded again.</summary>
public sealed class MirroredCuratedFilesTests(S3Emulator emulator)
{
    [Fact]
    public async Task A_new_publication_in_S3_is_mirrored_by_ETag_and_answers_the_next_query()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = await emulator.CreateStoreAsync();
        await CuratedTestTables.PublishAllAsync(store, CinemaData.Sessions, ct);
        var options = emulator.OptionsFor(store.Bucket);
        var cache = Directory.CreateTempSubdirectory("cinemastats-mirror-").FullName;
        await using var host = QueryHost.Create(new Dictionary<string, string?>
        {
            ["Storage:Mode"] = "S3",
            ["Storage:ServiceUrl"] = options.ServiceUrl,
            ["Storage:Bucket"] = options.Bucket,
            ["Storage:Region"] = options.Region,
            ["Storage:AccessKey"] = options.AccessKey,
            ["Storage:SecretKey"] = options.SecretKey,
            ["Query:CachePath"] = cache,
        }, cache);
        var filter = DashboardFilter.ForRange(CinemaData.Friday, CinemaData.Friday.AddDays(13)) with { Genres = ["Action"] };

        var before = await host.Queries.KpiTotalsAsync(filter, ct);
        var dimFilm = Directory.GetFiles(Path.Combine(cache, "curated", "dim_film"), "*.parquet").Single();
        var dimFilmWritten = File.GetLastWriteTimeUtc(dimFilm);
        var friday = CinemaData.Sessions.Where(s => s.BusinessDate == CinemaData.Friday).Select(s => s with { Adm = s.Adm + 100 }).ToList();
        await new PartitionPublisher(store, TimeProvider.System).PublishAsync(CuratedTestTables.FactSession(friday), CinemaData.Friday, ct);
        var after = await host.Queries.KpiTotalsAsync(filter, ct);

        var expected = CinemaData.Sessions.Where(s => s.Genre == "Action").GroupBy(s => s.Currency).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Sum(s => s.Adm)).ToList();
        var added = friday.Where(s => s.Genre == "Action").GroupBy(s => s.Currency).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Count() * 100L).ToList();
        Assert.Equal(expected, before.Select(t => t.Adm));
        Assert.Equal(expected.Zip(added, (a, b) => a + b), after.Select(t => t.Adm));
        Assert.Equal(dimFilmWritten, File.GetLastWriteTimeUtc(dimFilm));
        Assert.Equal(2, Directory.GetFiles(Path.Combine(cache, "curated", "fact_session", "business_date=2024-03-01"), "*.parquet").Length);
    }
}
