using System.ComponentModel.DataAnnotations;

namespace CinemaStats.Core.Storage;

/// <summary>Where objects live. Services see a resolved mode; only the AppHost knows <c>auto</c>.</summary>
public enum StorageMode
{
    Filesystem,
    LocalStack,
    S3,
}

/// <summary>The <c>Storage</c> configuration section, read the same way by every service.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public StorageMode Mode { get; set; } = StorageMode.Filesystem;

    /// <summary>Why the AppHost chose <see cref="Mode"/>; shown on the dashboard.</summary>
    public string? ModeReason { get; set; }

    /// <summary>Folder of the <c>filesystem</c> mode.</summary>
    public string RootPath { get; set; } = Path.Combine(".data", "objects");

    /// <summary>S3 endpoint for emulators and LocalStack; empty means AWS.</summary>
    public string? ServiceUrl { get; set; }

    [Required]
    public string Bucket { get; set; } = "cinema-stats";

    /// <summary>A separate bucket for <c>raw/</c> keys (AWS keeps raw files apart); empty means <see cref="Bucket"/>.</summary>
    public string? RawBucket { get; set; }

    [Required]
    public string Region { get; set; } = "us-east-1";

    /// <summary>Static credentials for emulators; empty means the default AWS credential chain.</summary>
    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    /// <summary>Create the bucket on start (emulators and LocalStack); never in AWS, where Terraform owns it.</summary>
    public bool CreateBucket { get; set; }

    [Range(5, 512)]
    public int MultipartPartSizeMiB { get; set; } = 8;
}
