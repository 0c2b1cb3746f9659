namespace CinemaStats.Web.Queries;

public enum QueryEngineKind
{
    DuckDb,
    Athena,
}

/// <summary>The <c>Query</c> configuration section.</summary>
public sealed class QueryOptions
{
    public const string SectionName = "Query";

    /// <summary>DuckDB over local Parquet (every local mode), or Athena in AWS (set by Terraform as <c>Query__Engine</c>).</summary>
    public QueryEngineKind Engine { get; set; } = QueryEngineKind.DuckDb;

    /// <summary>Local copy of curated objects in S3 modes (DuckDB cannot read s3:// here).</summary>
    public string CachePath { get; set; } = Path.Combine(Path.GetTempPath(), "cinemastats-web-cache");

    /// <summary>How long a mirror sync stays fresh before S3 is listed again.</summary>
    public TimeSpan MirrorRefreshInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long the published partition states are trusted before they are looked at again.</summary>
    public TimeSpan PublishedRefreshInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A dashboard query running longer than this is stopped.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Rows a dashboard query returns at most.</summary>
    public int MaxRows { get; set; } = 5_000;

    /// <summary>Results kept in memory, across queries, parameters and data versions (least recently used go first).</summary>
    public int ResultCacheEntries { get; set; } = 2_000;

    /// <summary>Removed files stay in the mirror this long, so queries already reading them finish.</summary>
    public TimeSpan MirrorDeleteGrace { get; set; } = TimeSpan.FromMinutes(2);
}
