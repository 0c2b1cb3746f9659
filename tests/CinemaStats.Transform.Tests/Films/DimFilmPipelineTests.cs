using System.Text;
using CinemaStats.Core.Layout;
using CinemaStats.Core.Pipeline;
using CinemaStats.Core.Storage;
using CinemaStats.Core.Tables;
using CinemaStats.Transform.Assets;
using CinemaStats.Transform.Engine;

namespace CinemaStats.Transform.Tests.Films;

/// <summary>stg_films and dim_film through the engine, on the filesystem store.</summary>
public sealed class DimFilmPipelineTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "cinemastats-films-" + Guid.NewGuid().ToString("N"));
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private PipelineHarness Harness() => new(new FileSystemObjectStore(_root));

    private static async Task<RawObjectKey> PutAsync(PipelineHarness h, string text, string extension)
    {
        var raw = new RawObjectKey("films", new DateOnly(2026, 3, 8), Guid.NewGuid().ToString("N"), extension);
        await h.Store.PutAsync(raw.ToString(), new MemoryStream(Encoding.UTF8.GetBytes(text)), cancellationToken: Ct);
        return raw;
    }

    private static async Task<TableColumns> PublishedAsync(PipelineHarness h)
    {
        var state = (await h.States.GetAsync("dim_film", UnpartitionedAsset.Partition, Ct))!.Value.State;
        var key = Assert.Single(state.Files);
        var rows = new List<TableColumns>();
        await foreach (var group in StagingFiles.ReadAsync(h.Store, key, CuratedTables.DimFilm, Ct))
        {
            rows.Add(group);
        }
        return Assert.Single(rows);
    }

    [Fact]
    public async Task Films_files_are_staged_and_dim_film_is_rebuilt_from_all_of_them_latest_received_winning()
    {
        var h = Harness();
        var first = await PutAsync(h, """
            [
              {"Title": "King Kong", "Release Date": "Mar 07 2033", "Distributor": "RKO", "IMDB Rating": 7.9},
              {"Title": "King Kong", "Release Date": "Dec 14 2005", "Distributor": "Universal Pictures", "IMDB Rating": 7.2},
              {"Title": "Secret, The (2007)", "Release Date": "Apr 27 2007", "Distributor": "Sony/TriStar"},
              {"Title": "", "Release Date": "Apr 27 2007"}
            ]
            """, ".json");

        var run = await h.ReconcileAsync();

        Assert.True(run!.Status == RunRecord.Succeeded, string.Join("\n", run.Log?.Lines ?? []));
        var ledger = await h.Ledger.GetAsync(first, Ct);
        Assert.Equal((RawObjectStatus.Processed, 4L, 3L, 1L), (ledger!.Status, ledger.RowsIn, ledger.RowsOut, ledger.RowsQuarantined));
        Assert.Contains("\"field\":\"Title\"", await h.Store.ReadTextAsync(PipelineKey.Quarantine(first.UploadId), Ct));
        var state = (await h.States.GetAsync("dim_film", UnpartitionedAsset.Partition, Ct))!.Value.State;
        Assert.Equal(AssetPartitionState.Materialized, state.Status);
        Assert.StartsWith("curated/dim_film/part-", state.Files[0]);
        Assert.All(state.Checks, c => Assert.True(c.Passed, c.Detail));

        var rows = await PublishedAsync(h);
        Assert.Equal(["king kong|1933-03-07", "king kong|2005-12-14", "secret the|2007-04-27"], rows.Get<string?>("film_key"));
        Assert.Equal([true, false, false], rows.Get<bool?>("release_year_corrected").Select(b => b!.Value));
        Assert.Equal(["RKO", "Universal", "Sony"], rows.Get<string?>("distributor"));
        Assert.Equal("The Secret", rows.Get<string?>("title")[2]);
        Assert.Contains("title_shared", rows.Get<string?>("cleaning_flags")[0]);
        Assert.Contains("release_year_century_corrected", rows.Get<string?>("cleaning_flags")[0]);
        Assert.Equal("title_year_suffix,title_article_moved,distributor_alias", rows.Get<string?>("cleaning_flags")[2]);

        await Task.Delay(1100, Ct); // the later file is received later
        await PutAsync(h, "Title,Release Date,Distributor,IMDB Rating\nKing Kong,Dec 14 2005,Universal,7.3\nAmÈlie,Nov 02 2001,,8.3\n", ".csv");
        await h.ReconcileAsync();

        rows = await PublishedAsync(h);
        Assert.Equal(["amelie|2001-11-02", "king kong|1933-03-07", "king kong|2005-12-14", "secret the|2007-04-27"], rows.Get<string?>("film_key"));
        Assert.Equal(73, rows.Get<int?>("imdb_rating_x10")[2]);
        Assert.Equal("Unknown", rows.Get<string?>("distributor")[0]);
        Assert.Single(await h.KeysAsync(CuratedPartitionKey.TablePrefix("dim_film")));

        Assert.Null(await h.ReconcileAsync()); // nothing changed: dim_film is not rebuilt
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
