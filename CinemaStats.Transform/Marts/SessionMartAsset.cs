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
    private readonly Lazy<SourceTotals> _factSessionTotals;

    protected SessionMartAsset() =>
        _factSessionTotals = new(() => new SourceTotals(CuratedTables.FactSession.Name, ReconciledColumns));

    public override IReadOnlyList<string> Upstream => [CuratedTables.FactSession.Name];

    /// <summary>Measure columns whose Σ per currency must equal fact_session's (see <see cref="SessionFact.Measure"/>).</summary>
    protected abstract IReadOnlyList<string> ReconciledColumns { get; }

    public override IReadOnlyList<AssetCheck> Checks => [_factSessionTotals.Value.Check()];

    public override Task<IReadOnlyList<InputVersion>> InputsAsync(MaterializeContext context, CancellationToken cancellationToken) =>
        PublishedFactSessions.InputsAsync(context.Store, cancellationToken);

    public override async Task<DailyResult> BuildAsync(IReadOnlyList<InputVersion> inputs, MaterializeContext context, CancellationToken cancellationToken)
    {
        var sessions = await PublishedFactSessions.ReadAsync(context.Store, inputs, cancellationToken);
        var rows = Build(sessions);
        _factSessionTotals.Value.Record(rows, sessions.Select(s => (s.Currency, (Func<string, long>)s.Measure)));
        return new DailyResult(rows, sessions.Count, 0, "");
    }

    /// <summary>The table's rows from every published session.</summary>
    protected abstract TableColumns Build(IReadOnlyList<SessionFact> sessions);
}
