namespace CinemaStats.Web.Queries.Athena;

/// <summary>A result column: its name, Athena's type name (<c>varchar</c>, <c>bigint</c>, ...) and the .NET type its values map to.</summary>
public sealed record AthenaColumn(string Name, string AthenaType, Type ClrType, int? Precision, int? Scale);

/// <summary>
/// One page of <c>GetQueryResults</c>, values already typed. For a SELECT the header row
/// Athena puts first on the first page is not among <see cref="Rows"/>.
/// </summary>
public sealed record AthenaResultPage(
    IReadOnlyList<AthenaColumn> Columns,
    IReadOnlyList<object?[]> Rows,
    string? NextToken,
    long? UpdateCount);
