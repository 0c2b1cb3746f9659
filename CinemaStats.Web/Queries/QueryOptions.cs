using System.ComponentModel.DataAnnotations;

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

    /// <summary>
    /// DuckDB holds a table the dashboard reads in memory, compressed, when its published Parquet is
    /// at most this many bytes (0: never); a bigger one is read in place, its partitions pruned by
    /// the query's date range. Measured (docs/benchmarks.md, 3M sessions): fact_session's 97 MB of
    /// Parquet take about 90 MiB held, the web's RSS is about 330 MiB with every dashboard table
    /// held and peaks at about 640 MiB while they are first loaded.
    /// </summary>
    [Range(0, long.MaxValue)]
    public long InMemoryTableMaxBytes { get; set; } = 128L * 1024 * 1024;

    /// <summary>
    /// DuckDB's memory_limit in MiB, for the in-memory tables and the queries' working memory
    /// together (each database the engine opens has its own). The web's Fargate task has 1024 MiB,
    /// of which the collector sidecar reserves 64 and .NET needs the rest of the budget.
    /// </summary>
    [Range(64, 1024 * 1024)]
    public int DuckDbMemoryLimitMiB { get; set; } = 384;

    /// <summary>DuckDB's worker threads; 0: as many as the cores .NET sees (a Fargate task's CPU share, rounded up).</summary>
    [Range(0, 256)]
    public int DuckDbThreads { get; set; }

    /// <summary>Removed files stay in the mirror this long, so queries already reading them finish.</summary>
    public TimeSpan MirrorDeleteGrace { get; set; } = TimeSpan.FromMinutes(2);
}
