using System.Text;
using CinemaStats.Core.Layout;
using CinemaStats.Core.Pipeline;
using CinemaStats.Core.Storage;
using CinemaStats.Core.Tables;
using CinemaStats.Transform.Assets;
using CinemaStats.Transform.Engine;

namespace CinemaStats.Transform.Tests.Cinemas;

/// <summary>stg_cinemas and dim_cinema through the engine, on the filesystem store.</summary>
public sealed class DimCinemaPipelineTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "cinemastats-cinemas-" + Guid.NewGuid().ToString("N"));
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<RawObjectKey> PutAsync(PipelineHarness h, string text)
    {
        var raw = new RawObjectKey("cinemas", new DateOnly(2026, 3, 8), Guid.NewGuid().ToString("N"), ".csv");
        await h.Store.PutAsync(raw.ToString(), new MemoryStream(Encoding.UTF8.GetBytes(text)), cancellationToken: Ct);
        return raw;
    }

    private static async Task<List<string>> PublishedAsync(PipelineHarness h)
    {
        var state = (await h.States.GetAsync("dim_cinema", UnpartitionedAsset.Partition, Ct))!.Value.State;
        Assert.Equal(AssetPartitionState.Materialized, state.Status);
        var rows = new List<string>();
        await foreach (var group in StagingFiles.ReadAsync(h.Store, Assert.Single(state.Files), CuratedTables.DimCinema, Ct))
        {
            var (ids, names, regions) = (group.Get<string?>("cinema_id"), group.Get<string?>("cinema_name"), group.Get<string?>("region"));
            rows.AddRange(Enumerable.Range(0, group.RowCount).Select(i => $"{ids[i]}|{names[i]}|{regions[i]}"));
        }
        return rows;
    }

    [Fact]
    public async Task A_cinemas_file_is_staged_bad_and_repeated_rows_quarantined_and_a_later_file_wins_per_cinema()
    {
        var h = new PipelineHarness(new FileSystemObjectStore(_root));
        var first = await PutAsync(h, "cinema_id,name,region\nC1,Odeon Leicester Square,London\nC2,Vue Leeds,North\nC2,Vue Leeds,North\nC3,,North\nC1,Odeon Luxe,London\n");

        var run = await h.ReconcileAsync();

        Assert.True(run!.Status == RunRecord.Succeeded, string.Join("\n", run.Log?.Lines ?? []));
        var ledger = await h.Ledger.GetAsync(first, Ct);
        // Rows in = rows out + rows quarantined: a copy of C2, C3 without a name, C1 again with another name.
        Assert.Equal((RawObjectStatus.Processed, 5L, 2L, 3L), (ledger!.Status, ledger.RowsIn, ledger.RowsOut, ledger.RowsQuarantined));
        var quarantine = await h.Store.ReadTextAsync(PipelineKey.Quarantine(first.UploadId), Ct);
        Assert.Contains("duplicate of line 3", quarantine);
        Assert.Contains("name is empty", quarantine);
        Assert.Contains("key conflict with line 2", quarantine);
        Assert.Equal(["C1|Odeon Leicester Square|London", "C2|Vue Leeds|North"], await PublishedAsync(h));

        await Task.Delay(1100, Ct); // the later file is received later
        await PutAsync(h, "Site,Cinema Name\nC2,Vue Leeds Kirkstall\nC3,Cineworld Bradford\n");
        await h.ReconcileAsync();

        Assert.Equal(["C1|Odeon Leicester Square|London", "C2|Vue Leeds Kirkstall|", "C3|Cineworld Bradford|"], await PublishedAsync(h));
    }

    [Fact]
    public async Task A_cinemas_file_without_the_columns_it_needs_is_failed_whole_with_the_reason_and_kept()
    {
        var h = new PipelineHarness(new FileSystemObjectStore(_root));
        var raw = await PutAsync(h, "id_code;label\nC1;Odeon\n");

        await h.ReconcileAsync();

        var ledger = await h.Ledger.GetAsync(raw, Ct);
        Assert.Equal(RawObjectStatus.Failed, ledger!.Status);
        Assert.Contains("needs cinema_id and name columns", ledger.Error);
        Assert.NotNull(await h.Store.HeadAsync(raw.ToString(), Ct)); // the raw file is kept
        Assert.Null(await h.States.GetAsync("dim_cinema", UnpartitionedAsset.Partition, Ct));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
