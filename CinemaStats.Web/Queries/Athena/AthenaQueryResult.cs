namespace CinemaStats.Web.Queries.Athena;

/// <summary>
/// A finished query's rows with typed values (<see cref="AthenaColumn.ClrType"/> per column,
/// null for SQL NULL). <see cref="Truncated"/> says the row limit cut off further rows.
/// </summary>
public sealed record AthenaQueryResult(
    string QueryExecutionId,
    IReadOnlyList<AthenaColumn> Columns,
    IReadOnlyList<object?[]> Rows,
    bool Truncated,
    AthenaQueryStatistics? Statistics);
