using System.ComponentModel.DataAnnotations;

namespace CinemaStats.Transform;

/// <summary>The <c>Transform</c> configuration section.</summary>
public sealed class TransformOptions
{
    public const string SectionName = "Transform";

    /// <summary>How often <c>raw/</c> is compared with the ledger to find new objects.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromSeconds(2);
}
