using Bunit;
using CinemaStats.Core.Pipeline;
using CinemaStats.Web.Components.Operations;

namespace CinemaStats.Web.ComponentTests;

public sealed class UploadQualityPanelTests : DashboardTestContext
{
    private const string Id = "0123456789abcdef0123456789abcdef";

    private static readonly UploadQuality Report = new(
        RowsIn: 1200, RowsOut: 1195, RowsQuarantined: 5,
        QuarantinedByReason: new Dictionary<string, long> { ["duplicate"] = 3, ["key_conflict"] = 1, ["dst_gap"] = 1 },
        FlaggedByFlag: new Dictionary<string, long> { ["capacity_missing"] = 7 },
        RowsSupersedingEarlier: 0, RowsSupersededLater: 2,
        Supersessions: [new("fact_session", "2026-03-06", "raw/sessions/ingest_date=2026-03-09/later.csv", $"raw/sessions/ingest_date=2026-03-08/{Id}.csv", 2, "4-5")],
        QuarantinedRows: $"/v1/uploads/{Id}/quarantine");

    [Fact]
    public void The_report_shows_every_count_the_supersessions_and_links_to_the_quarantined_rows_and_their_CSV()
    {
        var panel = Render<UploadQualityPanel>(p => p.Add(c => c.UploadId, Id).Add(c => c.Quality, Report));

        Assert.Equal("Rows read: 1,200 · kept: 1,195 · quarantined: 5 · replaced rows of earlier uploads: 0 · replaced by later uploads: 2",
            Normalize(panel.Find("[data-testid=upload-rows]").TextContent));
        Assert.Equal(["duplicate: 3", "dst_gap: 1", "key_conflict: 1"], panel.FindAll("[data-testid=quarantined-by-reason] .mud-chip").Select(c => Normalize(c.TextContent)));
        Assert.Equal(["capacity_missing: 7"], panel.FindAll("[data-testid=flagged-by-flag] .mud-chip").Select(c => Normalize(c.TextContent)));
        Assert.Contains("4-5", panel.Find("[data-testid=supersessions]").TextContent);
        Assert.Equal($"/pipeline?upload={Id}", panel.Find("[data-testid=quarantine-link]").GetAttribute("href"));
        Assert.Equal($"/uploads/{Id}/quarantine.csv", panel.Find("[data-testid=quarantine-csv]").GetAttribute("href"));
    }

    [Fact]
    public void A_clean_upload_has_no_reasons_flags_or_links_and_the_pipeline_page_leaves_out_the_link_to_itself()
    {
        var clean = Report with { RowsOut = 1200, RowsQuarantined = 0, QuarantinedByReason = new Dictionary<string, long>(), FlaggedByFlag = new Dictionary<string, long>(), RowsSupersededLater = 0, Supersessions = [] };
        var panel = Render<UploadQualityPanel>(p => p.Add(c => c.UploadId, Id).Add(c => c.Quality, clean));
        var onPipeline = Render<UploadQualityPanel>(p => p.Add(c => c.UploadId, Id).Add(c => c.Quality, Report).Add(c => c.ShowRowsLink, false));

        Assert.Equal("Rows read: 1,200 · kept: 1,200 · quarantined: 0", Normalize(panel.Find("[data-testid=upload-rows]").TextContent));
        Assert.Empty(panel.FindAll("[data-testid=quarantined-by-reason], [data-testid=flagged-by-flag], [data-testid=supersessions], [data-testid=quarantine-csv]"));
        Assert.Empty(onPipeline.FindAll("[data-testid=quarantine-link]"));
        Assert.Single(onPipeline.FindAll("[data-testid=quarantine-csv]"));
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
