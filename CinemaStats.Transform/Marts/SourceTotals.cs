using System.Runtime.CompilerServices;
using CinemaStats.Core.Tables;
using CinemaStats.Transform.Engine;

namespace CinemaStats.Transform.Marts;

/// <summary>
/// A block check that a built table adds up, per currency, to the source rows it was built from:
/// the source's totals are queried (with the SQL the table's rules use) when the table is built,
/// and compared with the Σ of the table's columns when the engine checks it.
/// </summary>
/// <param name="source">The upstream table, as the view <see cref="MartQuery"/> names it.</param>
/// <param name="measure">Each column's Σ over the source, as SQL.</param>
/// <param name="where">Which source rows count (SQL after WHERE), or null for all.</param>
/// <param name="byCurrency">Whether totals are compared per currency (a dimension whose rows carry the latest currency is compared as one total).</param>
public sealed class SourceTotals(string source, IReadOnlyList<string> columns, Func<string, string> measure, string? where = null, bool byCurrency = true)
{
    private readonly ConditionalWeakTable<TableColumns, Dictionary<(string Currency, string Column), long>> _expected = [];

    /// <summary>Totals of fact_session's measures, by the rules of <see cref="KpiSql.SessionMeasure"/>.</summary>
    public static SourceTotals OfSessions(IReadOnlyList<string> columns, bool byCurrency = true) =>
        new(CuratedTables.FactSession.Name, columns, KpiSql.SessionMeasure, byCurrency: byCurrency);

    /// <summary>The check, named <c>totals_match_{source}</c> unless a name is given.</summary>
    public AssetCheck Check(string? name = null) =>
        new(name ?? $"totals_match_{source}", CheckSeverity.Block,
            $"Σ {string.Join(", ", columns)}{(byCurrency ? " per currency" : "")} equal the {source} rows it was built from.", Match);

    /// <summary>Queries the source's totals and records them as what <paramref name="rows"/> must add up to.</summary>
    public void Record(TableColumns rows, MartQuery query)
    {
        var sql = $"SELECT {(byCurrency ? "currency" : "''")} AS currency, {string.Join(", ", columns.Select(c => $"{measure(c)} AS {c}"))} FROM {source}"
            + (where is null ? "" : $" WHERE {where}")
            + (byCurrency ? " GROUP BY currency" : "");
        var totals = new Dictionary<(string, string), long>();
        foreach (var row in query.Rows(sql, [], out _))
        {
            for (var i = 0; i < columns.Count; i++)
            {
                var value = row[i + 1] is null ? 0 : System.Convert.ToInt64(row[i + 1], System.Globalization.CultureInfo.InvariantCulture);
                if (row[0] is string currency && value != 0)
                {
                    totals[(currency, columns[i])] = value;
                }
            }
        }
        _expected.AddOrUpdate(rows, totals);
    }

    private CheckVerdict Match(TableColumns rows)
    {
        if (!_expected.TryGetValue(rows, out var expected))
        {
            return CheckVerdict.Fail($"no {source} totals were recorded for these rows");
        }
        var currencies = byCurrency ? rows.Get<string?>("currency") : null;
        var built = new Dictionary<(string, string), long>();
        foreach (var column in columns)
        {
            var values = rows[column];
            for (var i = 0; i < rows.RowCount; i++)
            {
                var key = (currencies?[i] ?? "", column);
                var value = System.Convert.ToInt64(values.GetValue(i) ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
                built[key] = built.GetValueOrDefault(key) + value;
            }
        }
        var differences = expected.Keys.Union(built.Keys)
            .Where(k => expected.GetValueOrDefault(k) != built.GetValueOrDefault(k))
            .Select(k => $"{k.Item2} {k.Item1}: {built.GetValueOrDefault(k)} instead of {expected.GetValueOrDefault(k)}")
            .ToList();
        return differences.Count == 0
            ? CheckVerdict.Pass($"{expected.Count} totals match {source}")
            : CheckVerdict.Fail(string.Join("; ", differences.Take(5)));
    }
}
