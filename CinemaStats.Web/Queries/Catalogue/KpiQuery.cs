namespace CinemaStats.Web.Queries.Catalogue;

/// <summary>
/// One query of the KPI catalogue: SQL that DuckDB and Athena (Trino) both run alike, the tables
/// it reads (whose data versions key its cached results), and where the dashboard filter goes.
/// </summary>
/// <param name="Sql">
/// The statement with <c>?</c> placeholders. <see cref="FilterSlot"/>, where present, is replaced by
/// the filter's predicate (<see cref="SqlFilter"/>), whose own placeholders follow those written before it.
/// </param>
public sealed record KpiQuery(string Name, string Sql, IReadOnlyList<string> Tables)
{
    public const string FilterSlot = "{filter}";

    public bool HasFilter => Sql.Contains(FilterSlot, StringComparison.Ordinal);

    /// <summary>The statement and its values: <paramref name="leading"/> for the placeholders before the filter, then the filter's.</summary>
    public (string Sql, IReadOnlyList<object?> Parameters) Bind(SqlFilter? filter, params object?[] leading)
    {
        if (HasFilter != filter is not null)
        {
            throw new InvalidOperationException(filter is null ? $"Query {Name} needs a filter." : $"Query {Name} takes no filter.");
        }
        var sql = filter is null ? Sql : Sql.Replace(FilterSlot, filter.Predicate, StringComparison.Ordinal);
        var parameters = leading.Concat(filter?.Parameters ?? []).ToList();
        var placeholders = sql.Count(c => c == '?');
        if (placeholders != parameters.Count)
        {
            throw new InvalidOperationException($"Query {Name} has {placeholders} placeholders but {parameters.Count} values.");
        }
        return (sql, parameters);
    }
}
