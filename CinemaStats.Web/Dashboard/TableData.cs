namespace CinemaStats.Web.Dashboard;

/// <summary>A column: its header, whether it holds numbers, and a note on how it is counted (its header's tooltip).</summary>
public sealed record TableColumn(string Header, bool Numeric, string? Note = null);

/// <summary>One value as the page shows it, as the CSV export writes it, where clicking it leads (if anywhere), and why it is not defined (if so).</summary>
public sealed record TableCell(string Text, string Csv, string? Href = null, string? Why = null);

/// <summary>
/// A table exactly as a page shows it. The page and its CSV export both build it through
/// <see cref="DashboardTables"/>, so the export holds the rows shown, no more and no fewer.
/// </summary>
public sealed record TableData(string Name, string Title, IReadOnlyList<TableColumn> Columns, IReadOnlyList<IReadOnlyList<TableCell>> Rows);

/// <summary>Builds a <see cref="TableData"/> from typed rows, one cell function per column.</summary>
public sealed class TableShape<T>(string name, string title)
{
    private readonly List<(TableColumn Column, Func<T, TableCell> Cell)> _columns = [];

    public TableShape<T> Text(string header, Func<T, string> value, Func<T, string?>? href = null)
    {
        _columns.Add((new TableColumn(header, false), r => new TableCell(value(r), value(r), href?.Invoke(r))));
        return this;
    }

    public TableShape<T> Number(string header, Func<T, TableCell> cell)
    {
        _columns.Add((new TableColumn(header, true), cell));
        return this;
    }

    public TableShape<T> Count(string header, Func<T, long> value) =>
        Number(header, r => new TableCell(Numbers.Count(value(r)), Numbers.CountCsv(value(r))));

    public TableShape<T> Money(string header, Func<T, long> minor, Func<T, string> currency) =>
        Number(header, r => new TableCell(Numbers.Money(minor(r), currency(r)), Numbers.MoneyCsv(minor(r), currency(r))));

    /// <param name="whenMissing">Why the value can be undefined, shown as the tooltip of "—".</param>
    public TableShape<T> Money(string header, Func<T, double?> minor, Func<T, string> currency, string? whenMissing = null) =>
        Number(header, r => new TableCell(Numbers.Money(minor(r), currency(r)), Numbers.MoneyCsv(minor(r), currency(r)), Why: minor(r) is null ? whenMissing : null));

    public TableShape<T> Percent(string header, Func<T, double?> ratio, string? whenMissing = null) =>
        Number(header, r => new TableCell(Numbers.Percent(ratio(r)), Numbers.RatioCsv(ratio(r)), Why: ratio(r) is null ? whenMissing : null));

    public TableShape<T> Ratio(string header, Func<T, double?> value, string? whenMissing = null) =>
        Number(header, r => new TableCell(Numbers.Ratio(value(r)), Numbers.RatioCsv(value(r)), Why: value(r) is null ? whenMissing : null));

    /// <summary>Says how the last column added is counted (its header's tooltip).</summary>
    public TableShape<T> Noted(string note)
    {
        _columns[^1] = (_columns[^1].Column with { Note = note }, _columns[^1].Cell);
        return this;
    }

    public TableData Build(IEnumerable<T> rows) =>
        new(name, title, [.. _columns.Select(c => c.Column)], [.. rows.Select(r => (IReadOnlyList<TableCell>)[.. _columns.Select(c => c.Cell(r))])]);
}
