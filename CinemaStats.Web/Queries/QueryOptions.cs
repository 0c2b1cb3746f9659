namespace CinemaStats.Web.Queries;

/// <summary>The <c>Query</c> configuration section.</summary>
public sealed class QueryOptions
{
    public const string SectionName = "Query";

    /// <summary>Local copy of curated objects in S3 modes (DuckDB cannot read s3:// here).</summary>
    public string CachePath { get; set; } = Path.Combine(Path.GetTempPath(), "cinemastats-web-cache");

    /// <summary>How long a mirror sync stays fresh before S3 is listed again.</summary>
    public TimeSpan MirrorRefreshInterval { get; set; } = TimeSpan.FromSeconds(2);
}
