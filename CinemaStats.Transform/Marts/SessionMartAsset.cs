using System.Runtime.CompilerServices;
using CinemaStats.Core.Pipeline;
using CinemaStats.Core.Tables;
using CinemaStats.Transform.Engine;

namespace CinemaStats.Transform.Marts;

/// <summary>
/// An unpartitioned table aggregated from every published fact_session row. Its inputs are
/// fact_session's published files and data versions, so any rebuilt date rebuilds it. Every
/// such table is checked (block) to add up, per currency, to the fact_session rows it was built from.
/// </summary>
public abstract class SessionMartAsset : UnpartitionedAsset
{
    /// <summary>The fact_session totals each built table must add up to, by the rows it built.</summary>
    private readonly ConditionalWeakTable<TableColumns, Dictionary<(string Currency, string Column), long>> _sourceTotals = [];

    public override IReadOnlyList<string> Upstream => [CuratedTables.FactSession.Name];

    /// <summary>Measure columns whose Σ per currency must equal fact_session's (see <see cref="SessionFact.Measure"/>).</summary>
    protected abstract IReadOnlyList<string> ReconciledColumns { get; }

    public override IReadOnlyList<AssetCheck> Checks =>
    [
        new("totals_match_fact_session", CheckSeverity.Block,
            $"Σ {string.Join(", ", ReconciledColumns)} per currency equal the fact_session rows it was built from.", TotalsMatch),
    ];

    public override Task<IReadOnlyList<InputVersion>> InputsAsync(MaterializeContext context, CancellationToken cancellationToken) =>
        PublishedFactSessions.InputsAsync(context.Store, cancellationToken);

    public override async Task<DailyResult> BuildAsync(IReadOnlyList<InputVersion> inputs, MaterializeContext context, CancellationToken cancellationToken)
    {
        var sessions = await PublishedFactSessions.ReadAsync(context.Store, inputs, cancellationToken);
        var rows = Build(sessions);
        _sourceTotals.AddOrUpdate(rows, Totals(sessions.Select(s => (s.Currency, (Func<string, long>)s.Measure))));
        return new DailyResult(rows, sessions.Count, 0, "");
    }

    /// <summary>The table's rows from every published session.</summary>
    protected abstract TableColumns Build(IReadOnlyList<SessionFact> sessions);

    private CheckVerdict TotalsMatch(TableColumns rows)
    {
        if (!_sourceTotals.TryGetValue(rows, out var expected))
        {
            return CheckVerdict.Fail("no fact_session totals were recorded for these rows");
        }
        var currencies = rows.Get<string?>("currency");
        var built = Totals(Enumerable.Range(0, rows.RowCount).Select(i => (currencies[i]!, (Func<string, long>)(column => rows.Get<long?>(column)[i]!.Value))));
        var differences = expected.Keys.Union(built.Keys)
            .Where(k => expected.GetValueOrDefault(k) != built.GetValueOrDefault(k))
            .Select(k => $"{k.Column} {k.Currency}: {built.GetValueOrDefault(k)} instead of {expected.GetValueOrDefault(k)}")
            .ToList();
        return differences.Count == 0
            ? CheckVerdict.Pass($"{expected.Count} currency totals match fact_session")
            : CheckVerdict.Fail(string.Join("; ", differences.Take(5)));
    }

    private Dictionary<(string Currency, string Column), long> Totals(IEnumerable<(string Currency, Func<string, long> Measure)> rows)
    {
        var totals = new Dictionary<(string Currency, string Column), long>();
        foreach (var (currency, measure) in rows)
        {
            foreach (var column in ReconciledColumns)
            {
                totals[(currency, column)] = totals.GetValueOrDefault((currency, column)) + measure(column);
            }
        }
        return totals;
    }
}
