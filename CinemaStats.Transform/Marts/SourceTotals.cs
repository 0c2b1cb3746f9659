using System.Runtime.CompilerServices;
using CinemaStats.Core.Pipeline;
using CinemaStats.Core.Tables;
using CinemaStats.Transform.Engine;

namespace CinemaStats.Transform.Marts;

/// <summary>
/// A block check that a built table adds up, per currency, to the source rows it was built from:
/// the totals of the source are recorded at build time, by the rows built, and compared with the
/// Σ of the table's columns when the engine checks them.
/// </summary>
public sealed class SourceTotals(string source, IReadOnlyList<string> columns)
{
    private readonly ConditionalWeakTable<TableColumns, Dictionary<(string Currency, string Column), long>> _expected = [];

    /// <summary>The check, named <c>totals_match_{source}</c> unless a name is given.</summary>
    public AssetCheck Check(string? name = null) =>
        new(name ?? $"totals_match_{source}", CheckSeverity.Block,
            $"Σ {string.Join(", ", columns)} per currency equal the {source} rows it was built from.", Match);

    /// <summary>Records the totals of the source rows (currency and measure by column name) the table was built from.</summary>
    public void Record(TableColumns rows, IEnumerable<(string Currency, Func<string, long> Measure)> sourceRows) =>
        _expected.AddOrUpdate(rows, Totals(sourceRows));

    private CheckVerdict Match(TableColumns rows)
    {
        if (!_expected.TryGetValue(rows, out var expected))
        {
            return CheckVerdict.Fail($"no {source} totals were recorded for these rows");
        }
        var currencies = rows.Get<string?>("currency");
        var built = Totals(Enumerable.Range(0, rows.RowCount).Select(i => (currencies[i]!, (Func<string, long>)(column => rows.Get<long?>(column)[i]!.Value))));
        var differences = expected.Keys.Union(built.Keys)
            .Where(k => expected.GetValueOrDefault(k) != built.GetValueOrDefault(k))
            .Select(k => $"{k.Column} {k.Currency}: {built.GetValueOrDefault(k)} instead of {expected.GetValueOrDefault(k)}")
            .ToList();
        return differences.Count == 0
            ? CheckVerdict.Pass($"{expected.Count} currency totals match {source}")
            : CheckVerdict.Fail(string.Join("; ", differences.Take(5)));
    }

    private Dictionary<(string Currency, string Column), long> Totals(IEnumerable<(string Currency, Func<string, long> Measure)> rows)
    {
        var totals = new Dictionary<(string Currency, string Column), long>();
        foreach (var (currency, measure) in rows)
        {
            foreach (var column in columns)
            {
                totals[(currency, column)] = totals.GetValueOrDefault((currency, column)) + measure(column);
            }
        }
        return totals;
    }
}
