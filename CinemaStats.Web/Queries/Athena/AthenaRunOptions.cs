namespace CinemaStats.Web.Queries.Athena;

/// <summary>Per-query overrides of <see cref="AthenaOptions"/>; null keeps the configured value.</summary>
public sealed record AthenaRunOptions
{
    public int? MaxRows { get; init; }

    public TimeSpan? Timeout { get; init; }

    /// <summary><see cref="TimeSpan.Zero"/> turns result reuse off for this query.</summary>
    public TimeSpan? ResultReuseMaxAge { get; init; }

    public string? WorkGroup { get; init; }

    public string? ClientRequestToken { get; init; }
}
