namespace CinemaStats.Web.Dashboard;

public sealed record TableColumn(string Header, bool Numeric);

/// <summary>One value as the page shows it, as the CSV export writes it, and where clicking it leads (if anywhere).</summary>
public sealed record TableCell(string Text, string Csv, string? Href = null);

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

    public TableShape<T> Money(string header, Func<T, double?> minor, Func<T, string> currency) =>
        Number(header, r => new TableCell(Numbers.Money(minor(r), currency(r)), Numbers.MoneyCsv(minor(r), currency(r))));

    public TableShape<T> Percent(string header, Func<T, double?> ratio) =>
        Number(header, r => new TableCell(Numbers.Percent(ratio(r)), Numbers.RatioCsv(ratio(r))));

    public TableShape<T> Ratio(string header, Func<T, double?> value) =>
        Number(header, r => new TableCell(Numbers.Ratio(value(r)), Numbers.RatioCsv(value(r))));

    public TableData Build(IEnumerable<T> rows) =>
        new(name, title, [.. _columns.Select(c => c.Column)], [.. rows.Select(r => (IReadOnlyList<TableCell>)[.. _columns.Select(c => c.Cell(r))])]);
}
