using System.ComponentModel.DataAnnotations;

namespace CinemaStats.Web.Queries.Athena;

/// <summary>The <c>Athena</c> configuration section.</summary>
public sealed class AthenaOptions
{
    public const string SectionName = "Athena";

    [Required]
    public string Region { get; set; } = "us-east-1";

    /// <summary>Endpoint override (a VPC endpoint, a test server); empty means <c>https://athena.{Region}.amazonaws.com/</c>.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>The workgroup carries the result location, its encryption and the bytes-scanned limit.</summary>
    [Required]
    public string WorkGroup { get; set; } = "primary";

    [Required]
    public string Database { get; set; } = "cinema_stats";

    [Required]
    public string Catalog { get; set; } = "AwsDataCatalog";

    /// <summary>Reuse a result of the same query and parameters up to this old; null runs every query afresh.</summary>
    public TimeSpan? ResultReuseMaxAge { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a query may queue and run before it is stopped.</summary>
    public TimeSpan QueryTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Rows read at most per query; a dashboard never needs more, and paging them costs one call per 1000.</summary>
    [Range(1, 1_000_000)]
    public int MaxRows { get; set; } = 10_000;

    /// <summary>First wait between status polls; short queries finish in well under a second.</summary>
    public TimeSpan PollInitialDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan PollMaxDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Retries of a throttled or 5xx call before the error is surfaced.</summary>
    [Range(0, 10)]
    public int MaxErrorRetries { get; set; } = 4;

    /// <summary>First wait before retrying a throttled or failed call; doubled per retry, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    public Uri GetEndpoint() => string.IsNullOrEmpty(ServiceUrl)
        ? new Uri($"https://athena.{Region}.amazonaws.com/")
        : new Uri(ServiceUrl);
}
