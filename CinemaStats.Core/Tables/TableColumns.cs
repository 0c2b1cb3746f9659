namespace CinemaStats.Core.Tables;

/// <summary>
/// One batch of a table's rows held column by column, each column a nullable array of the
/// CLR type of its <see cref="ColumnType"/>. Build it with <see cref="Create"/> and fill by index.
/// </summary>
public sealed class TableColumns
{
    private readonly Array[] _columns;
    private readonly Dictionary<string, int> _index;

    private TableColumns(TableSchema table, int rowCount)
    {
        Table = table;
        RowCount = rowCount;
        _columns = table.Columns.Select(c => NewArray(c.Type, rowCount)).ToArray();
        _index = table.Columns.Select((c, i) => (c.Name, i)).ToDictionary(x => x.Name, x => x.i);
    }

    public TableSchema Table { get; }

    public int RowCount { get; }

    public static TableColumns Create(TableSchema table, int rowCount) => new(table, rowCount);

    public Array this[int ordinal] => _columns[ordinal];

    /// <summary>The column's array, untyped, for copying values between tables of the same column types.</summary>
    public Array this[string column] => _index.TryGetValue(column, out var ordinal)
        ? _columns[ordinal]
        : throw new ArgumentException($"Table {Table.Name} has no column '{column}'.", nameof(column));

    /// <summary>The column's array, typed: <c>Get&lt;string?&gt;("session_id")[row] = …</c>.</summary>
    public T[] Get<T>(string column)
    {
        if (!_index.TryGetValue(column, out var ordinal))
        {
            throw new ArgumentException($"Table {Table.Name} has no column '{column}'.", nameof(column));
        }
        return _columns[ordinal] as T[]
            ?? throw new InvalidCastException($"Column {column} of {Table.Name} holds {_columns[ordinal].GetType().Name}, not {typeof(T).Name}[].");
    }

    /// <summary>Copies one row from <paramref name="source"/>: every column of this table that the source also has.</summary>
    public void CopyRow(TableColumns source, int sourceRow, int targetRow)
    {
        for (var i = 0; i < _columns.Length; i++)
        {
            if (!source._index.TryGetValue(Table.Columns[i].Name, out var ordinal))
            {
                continue;
            }
            var from = source._columns[ordinal];
            switch (_columns[i])
            {
                case string?[] strings: strings[targetRow] = ((string?[])from)[sourceRow]; break;
                case int?[] ints: ints[targetRow] = ((int?[])from)[sourceRow]; break;
                case long?[] longs: longs[targetRow] = ((long?[])from)[sourceRow]; break;
                case bool?[] bools: bools[targetRow] = ((bool?[])from)[sourceRow]; break;
                case DateOnly?[] dates: dates[targetRow] = ((DateOnly?[])from)[sourceRow]; break;
                case DateTime?[] times: times[targetRow] = ((DateTime?[])from)[sourceRow]; break;
            }
        }
    }

    internal void EnsureMatches(TableSchema table)
    {
        if (!table.Columns.SequenceEqual(Table.Columns))
        {
            throw new InvalidOperationException($"Rows of {Table.Name} cannot be written as {table.Name}.");
        }
        for (var i = 0; i < table.Columns.Count; i++)
        {
            var column = table.Columns[i];
            if (!column.Nullable && Array.IndexOf(_columns[i], null) is var row and >= 0)
            {
                throw new InvalidOperationException($"Column {column.Name} of {table.Name} may not be null (row {row}).");
            }
        }
    }

    private static Array NewArray(ColumnType type, int length) => type switch
    {
        ColumnType.String => new string?[length],
        ColumnType.Int32 => new int?[length],
        ColumnType.Int64 => new long?[length],
        ColumnType.Boolean => new bool?[length],
        ColumnType.Date => new DateOnly?[length],
        ColumnType.TimestampUtc or ColumnType.TimestampLocal => new DateTime?[length],
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown column type"),
    };
}
