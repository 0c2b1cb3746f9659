using System.Security.Cryptography;
using System.Text;

namespace CinemaStats.Ingest.Uploads;

/// <summary>What ingest knows of one upload, kept under <c>_pipeline/uploads/{id}.json</c>.</summary>
public sealed record UploadRecord(
    string UploadId,
    string Source,
    string State,
    string RawKey,
    string Sha256,
    long Size,
    string ContentType,
    string OriginalName,
    string Uploader,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? ExpiresAt)
{
    /// <summary>The body is being written; the record exists so that a concurrent identical upload waits.</summary>
    public const string Receiving = "receiving";

    /// <summary>The raw object is stored.</summary>
    public const string Stored = "stored";

    /// <summary>A presigned URL was handed out; the sender has not uploaded yet.</summary>
    public const string AwaitingUpload = "awaiting-upload";

    /// <summary>The raw write failed; the record stays (the ingest role in AWS may not delete) but counts for nothing.</summary>
    public const string Abandoned = "abandoned";

    /// <summary>A failed upload, or a receiving or awaiting record past its expiry: the upload may start again.</summary>
    public bool IsAbandoned(DateTimeOffset now) => State == Abandoned || (State != Stored && ExpiresAt is { } expiry && expiry < now);
}

/// <summary>Upload ids are derived from the content, so the same bytes sent twice for a source have one id.</summary>
public static class UploadId
{
    public static string For(string source, string sha256Hex) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{source}:{sha256Hex}")))[..32];

    public static bool IsWellFormed(string id) => id.Length == 32 && id.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');
}
