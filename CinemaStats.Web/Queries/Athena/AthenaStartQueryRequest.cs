namespace CinemaStats.Web.Queries.Athena;

/// <summary>
/// Input of <c>StartQueryExecution</c>. <see cref="ExecutionParameters"/> fill the query's <c>?</c>
/// placeholders in order; each is an SQL literal (see <see cref="AthenaLiteral"/>).
/// </summary>
public sealed record AthenaStartQueryRequest(string QueryString)
{
    public IReadOnlyList<string> ExecutionParameters { get; init; } = [];

    public string? WorkGroup { get; init; }

    public string? Database { get; init; }

    public string? Catalog { get; init; }

    /// <summary>Reuse a previous result of the same query up to this old; null disables reuse.</summary>
    public TimeSpan? ResultReuseMaxAge { get; init; }

    /// <summary>Makes a retried start idempotent: Athena returns the first execution's id for the same token.</summary>
    public string? ClientRequestToken { get; init; }
}
