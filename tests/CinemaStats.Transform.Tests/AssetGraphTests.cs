using CinemaStats.Core.Pipeline;
using CinemaStats.Core.Tables;
using CinemaStats.Transform.Assets;
using CinemaStats.Transform.Engine;

namespace CinemaStats.Transform.Tests;

public sealed class AssetGraphTests
{
    [Fact]
    public void Assets_come_in_dependency_order_and_downstream_is_transitive()
    {
        var graph = new AssetGraph([new TestDaily("mart", ["fact_session"]), new FactSessionAsset(), new FactTicketLineAsset(), new StgPosTransactionsAsset(), new StgSessionsAsset(), new DimFilmAsset(), new StgFilmsAsset()]);
        Assert.Equal(["stg_films", "dim_film", "stg_sessions", "stg_pos_transactions", "fact_ticket_line", "fact_session", "mart"], graph.InOrder.Select(a => a.Name));
        Assert.Equal(["fact_session", "mart"], graph.DownstreamOf("stg_sessions").Select(a => a.Name));
        Assert.Equal(["fact_ticket_line", "fact_session", "mart"], graph.DownstreamOf("stg_pos_transactions").Select(a => a.Name));
        var (sources, edges) = graph.Lineage();
        Assert.Equal(["raw/films", "raw/sessions", "raw/pos_transactions"], sources);
        Assert.Contains(("raw/sessions", "stg_sessions"), edges);
        Assert.Contains(("fact_session", "mart"), edges);
    }

    [Fact]
    public void A_cycle_stops_the_worker_and_names_its_path()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new AssetGraph([new TestDaily("a", ["b"]), new TestDaily("b", ["c"]), new TestDaily("c", ["a"])]));
        Assert.Contains("cycle", error.Message);
        Assert.Contains("a -> b -> c -> a", error.Message);
    }

    [Fact]
    public void A_missing_upstream_stops_the_worker_and_names_it()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new AssetGraph([new TestDaily("mart", ["fact_ticket_line"])]));
        Assert.Contains("'mart' reads 'fact_ticket_line'", error.Message);
        var unknownSource = Assert.Throws<InvalidOperationException>(() => new AssetGraph([new TestDaily("x", ["raw/tickets"])]));
        Assert.Contains("raw/tickets", unknownSource.Message);
    }

    [Fact]
    public void Two_assets_with_one_name_are_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new AssetGraph([new FactSessionAsset(), new TestDaily("fact_session", ["raw/sessions"])]));
        Assert.Contains("two assets are named 'fact_session'", error.Message);
    }

    /// <summary>A daily asset with given upstream names and no data, for graph shapes.</summary>
    internal sealed class TestDaily(string name, IReadOnlyList<string> upstream) : PartitionedAsset
    {
        public override string Name => name;
        public override IReadOnlyList<string> Upstream => upstream;
        public override TableSchema Output => CuratedTables.FactSession;
        public override Task<DailyResult> BuildAsync(DateOnly businessDate, PartitionInputs inputs, MaterializeContext context, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
