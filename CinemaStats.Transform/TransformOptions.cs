using System.ComponentModel.DataAnnotations;

namespace CinemaStats.Transform;

/// <summary>The <c>Transform</c> configuration section.</summary>
public sealed class TransformOptions
{
    public const string SectionName = "Transform";

    /// <summary>How often <c>raw/</c> is compared with the ledger to find new objects.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often every daily partition's inputs are compared with what it was built from.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan StaleScanInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Partitions (or raw objects) materialized at once.</summary>
    [Range(1, 64)]
    public int Parallelism { get; set; } = 2;

    /// <summary>Runs older than this are deleted.</summary>
    public TimeSpan RunRetention { get; set; } = TimeSpan.FromDays(14);

    /// <summary>
    /// Per source, how old its newest raw object may get before the source counts as late
    /// (e.g. <c>Transform:FreshnessDeadlines:sessions=1.00:00:00</c>). Sources not listed have no deadline.
    /// </summary>
    public Dictionary<string, TimeSpan> FreshnessDeadlines { get; set; } = [];

    /// <summary>At most this many runs are kept.</summary>
    [Range(10, 100_000)]
    public int MaxRuns { get; set; } = 1000;
}
