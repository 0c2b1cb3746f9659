namespace CinemaStats.Transform.Discovery;

/// <summary>One object change from an S3 event notification, with the key already URL-decoded.</summary>
public sealed record S3EventRecord(string EventName, string Bucket, string Key, long? Size, string? ETag, string? Sequencer)
{
    /// <summary>True for <c>ObjectCreated:Put</c>, <c>:Post</c>, <c>:Copy</c>, <c>:CompleteMultipartUpload</c>.</summary>
    public bool IsObjectCreated => EventName.StartsWith("ObjectCreated:", StringComparison.Ordinal)
        || EventName.StartsWith("s3:ObjectCreated:", StringComparison.Ordinal);
}
