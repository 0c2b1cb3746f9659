namespace CinemaStats.Core.Tables;

/// <summary>Column types of the curated model, each with one Parquet and one Athena representation.</summary>
public enum ColumnType
{
    String,
    Int32,
    Int64,
    Boolean,
    Date,
    /// <summary>
    /// An instant: UTC, milliseconds. Not micros: Parquet.Net 6.1 writes the min/max statistics of
    /// micros timestamps in millis, and readers that trust them (DuckDB, Trino) then skip row groups
    /// that match. Millis is also Athena's timestamp precision.
    /// </summary>
    TimestampUtc,
    /// <summary>A wall-clock time in the cinema's zone, milliseconds, no offset.</summary>
    TimestampLocal,
}

/// <param name="LowCardinality">Few distinct values: written with dictionary encoding.</param>
public sealed record TableColumn(string Name, ColumnType Type, bool Nullable, bool LowCardinality = false, string Description = "");

/// <summary>
/// A curated table: its columns in file order, and its Hive partition column (kept in the
/// key, not in the file, as Athena's partition projection expects).
/// </summary>
public sealed record TableSchema(string Name, IReadOnlyList<TableColumn> Columns, string? PartitionColumn, string Description)
{
    public TableColumn Column(string name) =>
        Columns.FirstOrDefault(c => c.Name == name)
        ?? throw new ArgumentException($"Table {Name} has no column '{name}'.", nameof(name));
}
