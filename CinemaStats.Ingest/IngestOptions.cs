using System.ComponentModel.DataAnnotations;

namespace CinemaStats.Ingest;

/// <summary>The <c>Ingest</c> configuration section.</summary>
public sealed class IngestOptions
{
    public const string SectionName = "Ingest";

    /// <summary>Largest upload accepted, in bytes (default 2 GiB).</summary>
    [Range(1, 5L * 1024 * 1024 * 1024)]
    public long MaxUploadBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Where request bodies are spooled while they are hashed and checked; empty means the system temp folder.</summary>
    public string? SpoolPath { get; set; }

    /// <summary>How long a presigned direct-upload URL stays valid.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "01:00:00")]
    public TimeSpan DirectUploadExpiry { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>API keys, by the SHA-256 of the key: the keys themselves are never configured.</summary>
    public List<ApiKeyEntry> ApiKeys { get; set; } = [];

    /// <summary>More keys as a JSON array of <see cref="ApiKeyEntry"/>, as a secret store injects them.</summary>
    public string? ApiKeysJson { get; set; }
}

/// <summary>One API key: who holds it and which sources it may send.</summary>
public sealed class ApiKeyEntry
{
    /// <summary>The holder, recorded as the uploader of what they send.</summary>
    public string Name { get; set; } = "";

    /// <summary>Lower-case hex SHA-256 of the key.</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>Source names, or <c>*</c> for all.</summary>
    public List<string> Sources { get; set; } = [];
}
