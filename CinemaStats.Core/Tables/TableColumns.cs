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
        : this(table, rowCount, table.Columns.Select(c => NewArray(c.Type, rowCount)).ToArray())
    {
    }

    private TableColumns(TableSchema table, int rowCount, Array[] columns)
    {
        Table = table;
        RowCount = rowCount;
        _columns = columns;
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

    /// <summary>
    /// A table of <paramref name="table"/>'s columns holding the given rows, in that order, of one or more
    /// source batches: every column the sources also have is copied column by column (the others stay null).
    /// </summary>
    public static TableColumns Gather(TableSchema table, IReadOnlyList<(TableColumns Source, int Row)> rows)
    {
        var target = Create(table, rows.Count);
        for (var i = 0; i < target._columns.Length; i++)
        {
            var name = table.Columns[i].Name;
            switch (target._columns[i])
            {
                case string?[] strings: GatherColumn(strings, name, rows); break;
                case int?[] ints: GatherColumn(ints, name, rows); break;
                case long?[] longs: GatherColumn(longs, name, rows); break;
                case bool?[] bools: GatherColumn(bools, name, rows); break;
                case DateOnly?[] dates: GatherColumn(dates, name, rows); break;
                case DateTime?[] times: GatherColumn(times, name, rows); break;
            }
        }
        return target;
    }

    /// <summary>
    /// A table of <paramref name="table"/>'s columns holding every row of <paramref name="source"/>, in
    /// order, that shares the source's column arrays instead of copying them (columns the source lacks
    /// are null): for a batch that goes out as it came in. Neither table's values may change afterwards.
    /// </summary>
    public static TableColumns Project(TableSchema table, TableColumns source)
    {
        var columns = new Array[table.Columns.Count];
        for (var i = 0; i < columns.Length; i++)
        {
            var column = table.Columns[i];
            if (!source._index.TryGetValue(column.Name, out var ordinal))
            {
                columns[i] = NewArray(column.Type, source.RowCount);
                continue;
            }
            var from = source._columns[ordinal];
            var expected = NewArray(column.Type, 0).GetType();
            columns[i] = from.GetType() == expected
                ? from
                : throw new InvalidCastException($"Column {column.Name} of {source.Table.Name} holds {from.GetType().Name}, not {expected.Name} as {table.Name} needs.");
        }
        return new TableColumns(table, source.RowCount, columns);
    }

    private static void GatherColumn<T>(T[] target, string name, IReadOnlyList<(TableColumns Source, int Row)> rows)
    {
        TableColumns? source = null;
        T[]? from = null;
        for (var r = 0; r < rows.Count; r++)
        {
            var (batch, row) = rows[r];
            if (!ReferenceEquals(batch, source))
            {
                source = batch;
                from = batch._index.TryGetValue(name, out var ordinal) ? (T[])batch._columns[ordinal] : null;
            }
            if (from is not null)
            {
                target[r] = from[row];
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
            if (!column.Nullable && FirstNull(_columns[i]) is var row and >= 0)
            {
                throw new InvalidOperationException($"Column {column.Name} of {table.Name} may not be null (row {row}).");
            }
        }
    }

    /// <summary>The first null in a column, or -1 (typed: no boxing of every value).</summary>
    private static int FirstNull(Array column) => column switch
    {
        string?[] strings => Array.IndexOf(strings, null),
        int?[] ints => FirstNull(ints),
        long?[] longs => FirstNull(longs),
        bool?[] bools => FirstNull(bools),
        DateOnly?[] dates => FirstNull(dates),
        DateTime?[] times => FirstNull(times),
        _ => Array.IndexOf(column, null),
    };

    private static int FirstNull<T>(T?[] values) where T : struct
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (!values[i].HasValue)
            {
                return i;
            }
        }
        return -1;
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
