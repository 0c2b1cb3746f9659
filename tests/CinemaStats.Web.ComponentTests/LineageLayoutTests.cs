using CinemaStats.Web.Operations;

namespace CinemaStats.Web.ComponentTests;

public sealed class LineageLayoutTests
{
    [Fact]
    public void Every_asset_stands_to_the_right_of_what_it_reads()
    {
        var lineage = new LineageView(
            [new("sessions", "source", null), new("pos", "source", null), new("stg_sessions", "asset", "RawObject"), new("fact_session", "asset", "Daily"), new("mart", "asset", "Daily")],
            [new("sessions", "stg_sessions"), new("stg_sessions", "fact_session"), new("pos", "fact_session"), new("fact_session", "mart"), new("stg_sessions", "mart")]);

        var layout = LineageLayout.Of(lineage);

        var x = layout.Boxes.ToDictionary(b => b.Id, b => b.X);
        Assert.All(lineage.Edges, e => Assert.True(x[e.From] < x[e.To], $"{e.From} should be left of {e.To}"));
        Assert.Equal(x["sessions"], x["pos"]);
        Assert.Equal(5, layout.Arrows.Count);
        Assert.Equal(layout.Boxes.Count, layout.Boxes.Select(b => (b.X, b.Y)).Distinct().Count());
    }
}
