using System.ComponentModel.DataAnnotations;
using CinemaStats.Core.Storage;

namespace CinemaStats.Transform.Discovery;

/// <summary>
/// The <c>Transform:Sqs</c> configuration section: the queue that receives the bucket's S3 event
/// notifications. Discovery by events is on only when <see cref="QueueUrl"/> is set. Endpoint,
/// region, credentials and bucket left empty are taken from the <c>Storage</c> section, since
/// LocalStack and emulators serve S3 and SQS on one endpoint.
/// </summary>
public sealed class SqsDiscoveryOptions
{
    public const string SectionName = "Transform:Sqs";

    [Required, Url]
    public string QueueUrl { get; set; } = "";

    /// <summary>SQS endpoint for emulators and LocalStack; empty means <c>Storage:ServiceUrl</c>, and both empty means AWS.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>Empty means <c>Storage:Region</c>.</summary>
    public string? Region { get; set; }

    /// <summary>Static credentials for emulators; empty means <c>Storage:AccessKey</c>, then the default AWS credential chain.</summary>
    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    /// <summary>Only events of this bucket are handled; empty means the bucket of raw/ keys (<c>Storage:RawBucket</c>, else <c>Storage:Bucket</c>).</summary>
    public string? Bucket { get; set; }

    /// <summary>
    /// How long a received message stays hidden from other consumers. It is extended every half
    /// of it while the message is being handled, so it bounds how soon a crashed worker's message
    /// comes back, not how long handling may take.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "12:00:00")]
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How many messages are handled at once; no more are received than can be handled.</summary>
    [Range(1, 100)]
    public int MaxParallelMessages { get; set; } = 2;

    internal int VisibilityTimeoutSeconds => (int)Math.Ceiling(VisibilityTimeout.TotalSeconds);

    /// <summary>Fills what is left empty from the <c>Storage</c> section.</summary>
    public void UseStorageDefaults(StorageOptions storage)
    {
        ServiceUrl = NullIfEmpty(ServiceUrl) ?? storage.ServiceUrl;
        Region = NullIfEmpty(Region) ?? storage.Region;
        Bucket = NullIfEmpty(Bucket) ?? NullIfEmpty(storage.RawBucket) ?? storage.Bucket;
        if (string.IsNullOrEmpty(AccessKey))
        {
            AccessKey = storage.AccessKey;
            SecretKey = storage.SecretKey;
        }
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
