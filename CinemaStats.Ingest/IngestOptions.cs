using System.ComponentModel.DataAnnotations;

namespace CinemaStats.Ingest;

/// <summary>The <c>Ingest</c> configuration section.</summary>
public sealed class IngestOptions
{
    public const string SectionName = "Ingest";

    /// <summary>Largest upload accepted, in bytes (default 2 GiB).</summary>
    [Range(1, long.MaxValue)]
    public long MaxUploadBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Where request bodies are spooled while they are hashed and checked; empty means the system temp folder.</summary>
    public string? SpoolPath { get; set; }
}
