using CinemaStats.Core.Tables;
using CinemaStats.Transform.Assets;

namespace CinemaStats.Transform.Tests.Pos;

/// <summary>The data-quality checks of fact_ticket_line, on rows as the asset builds them.</summary>
public sealed class FactTicketLineChecksTests
{
    private static readonly FactTicketLineAsset Asset = new();

    [Theory]
    [InlineData(new[] { "T1:1", "T1:2", "T2:1" }, true, "no duplicate")]
    [InlineData(new[] { "T1:1", "T1:1", "T2:1", "T2:1", "T2:1" }, false, "3 duplicate")] // in key order, repeats side by side
    [InlineData(new[] { "T2:1", "T1:1", "T3:1", "T1:1" }, false, "1 duplicate")] // out of order, the repeat far from its first copy
    [InlineData(new[] { "T2:1", "T1:1", "T1:2" }, true, "no duplicate")]
    public void Transaction_line_unique_counts_every_repeated_key_in_any_order(string[] keys, bool passed, string detail)
    {
        var verdict = Check("transaction_line_unique").Evaluate(Rows(keys));

        Assert.Equal(passed, verdict.Passed);
        Assert.Contains(detail, verdict.Detail);
    }

    [Fact]
    public void Currency_is_iso_code_flags_lower_case_short_and_non_letter_codes()
    {
        var rows = Rows(["T1:1", "T2:1", "T3:1", "T4:1", "T5:1"]);
        string?[] currencies = ["GBP", "gbp", "EU", "E1R", "EUR"];
        currencies.CopyTo(rows.Get<string?>("currency"), 0);

        var verdict = Check("currency_is_iso_code").Evaluate(rows);

        Assert.False(verdict.Passed);
        Assert.Contains("3 lines", verdict.Detail);
        Assert.True(Check("currency_is_iso_code").Evaluate(Rows(["T1:1"])).Passed);
    }

    [Fact]
    public void Every_check_counts_failing_rows_so_row_groups_read_one_at_a_time_give_the_verdict_of_the_whole()
    {
        var first = Rows(["T1:1", "T2:1"]);
        var second = Rows(["T3:1", "T4:1", "T5:1"]);
        first.Get<string?>("currency")[1] = "gbp";
        second.Get<string?>("currency")[0] = "EU";
        second.Get<string?>("session_id")[2] = null;
        var whole = Rows(["T1:1", "T2:1", "T3:1", "T4:1", "T5:1"]);
        whole.Get<string?>("currency")[1] = "gbp";
        whole.Get<string?>("currency")[2] = "EU";
        whole.Get<string?>("session_id")[4] = null;

        foreach (var check in Asset.Checks)
        {
            Assert.True(check.CountsRows, check.Name);
            Assert.Equal(check.Evaluate(whole), check.VerdictFor(check.CountFailing(first) + check.CountFailing(second)));
        }
        Assert.Contains("2 lines", Check("currency_is_iso_code").VerdictFor(Check("currency_is_iso_code").CountFailing(first) + Check("currency_is_iso_code").CountFailing(second)).Detail);
    }

    [Fact]
    public void A_staging_summary_comes_back_from_metadata_only_for_its_layout_and_says_when_keys_go_back()
    {
        var summary = new StagedLinesSummary(Asset.Checks);
        var first = Rows(["T1:1", "T1:2"]);
        first.Get<string?>("currency")[1] = "gbp";
        summary.Add(first);
        summary.Add(Rows(["T2:1"]));

        var back = StagedLinesSummary.Parse(summary.ToMetadata("layout-a"), "layout-a", Asset.Checks);

        Assert.NotNull(back);
        Assert.Equal((3L, true), (back.Rows, back.KeysIncrease));
        Assert.Equal(summary.Verdicts(), back.Verdicts());
        Assert.Contains("1 lines", Assert.Single(back.Verdicts(), v => !v.Passed).Detail);
        Assert.Null(StagedLinesSummary.Parse(summary.ToMetadata("layout-a"), "layout-b", Asset.Checks));
        Assert.Null(StagedLinesSummary.Parse("v2;layout-a;3;1;0,1", "layout-a", Asset.Checks)); // a count per check
        Assert.Null(StagedLinesSummary.Parse("v1;layout-a;3;0;0,0,0", "layout-a", Asset.Checks)); // written before staging refused repeated keys
        Assert.Null(StagedLinesSummary.Parse(null, "layout-a", Asset.Checks));

        summary.Add(Rows(["T1:3"])); // back to an earlier transaction
        Assert.False(summary.KeysIncrease);
    }

    private static Engine.AssetCheck Check(string name) => Assert.Single(Asset.Checks, c => c.Name == name);

    /// <summary>Ticket lines in GBP with a session, keyed "transaction:line".</summary>
    private static TableColumns Rows(string[] keys)
    {
        var rows = TableColumns.Create(Asset.Output, keys.Length);
        for (var i = 0; i < keys.Length; i++)
        {
            var (id, line) = (keys[i].Split(':')[0], int.Parse(keys[i].Split(':')[1]));
            rows.Get<string?>("transaction_id")[i] = id;
            rows.Get<int?>("line_no")[i] = line;
            rows.Get<string?>("currency")[i] = "GBP";
            rows.Get<string?>("line_type")[i] = "TICKET";
            rows.Get<string?>("session_id")[i] = "S1";
        }
        return rows;
    }
}
