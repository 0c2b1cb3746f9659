using CinemaStats.Transform.Tests.Pos;
using CinemaStats.Core.Storage;

namespace CinemaStats.Transform.Tests.Marts;

/// <summary>The worked example of docs/data-contract.md through the real engine, read back from the marts.</summary>
public sealed class WorkedExampleMartTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "cinemastats-worked-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task The_marts_give_adm_31_paid_29_GBO_290_occupancy_031_and_ATP_10()
    {
        var h = new PipelineHarness(new FileSystemObjectStore(_root));
        var files = new MartCaseFiles(h);
        await files.PutAsync("films", "Title,Release Date,Distributor\nDune: Part Two,Mar 01 2024,Warner Bros.\n", ".csv");
        await files.PutAsync("sessions", MartCaseFiles.SessionsHeader + "S1,C1,1,100,F1,Dune: Part Two (OV),2026-03-06 19:30,2026-03-06,OPEN,Europe/London,GBP\n", ".csv");
        await files.PutAsync("pos_transactions", MartCaseFiles.WorkedExample(), ".jsonl");

        await h.ReconcileAsync();

        Assert.Equal(["31|29|29000|0.310000|10.000000"], await h.QueryAsync("mart_cinema_day",
            "SELECT adm, paid_adm, gbo_minor, printf('%.6f', occupancy_adm / capacity), printf('%.6f', gbo_minor / 100 / paid_adm) FROM t"));
        Assert.Equal(["dune part two|2024-03-01|1|31|29|29000|29000|1.000000"], await h.QueryAsync("mart_film_week",
            $"SELECT film_key, week_number, adm, paid_adm, gbo_minor, opening_weekend_gbo_minor, printf('%.6f', cumulative_gbo_minor / opening_weekend_gbo_minor) FROM ({Core.Tables.KpiSql.FilmRuns()}) r"));
        var film = (await h.QueryAsync("dim_film", "SELECT film_key, distributor FROM t")).Single();
        await MartKpiQueries.AssertMatchAsync(h, new ExpectedKpis(files.Raw(), _ => "dune part two|2024-03-01", _ => film.Split('|')[^1]));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
