using System.Text.Json;

namespace CinemaStats.Transform.Tests.Discovery;

/// <summary>Message bodies in the shapes S3 documents for event notifications delivered to SQS.</summary>
internal static class S3EventSamples
{
    public const string Bucket = "cinema-stats";

    /// <summary>One <c>Records</c> entry of event version 2.1 as S3 writes it; <paramref name="encodedKey"/> is URL-encoded.</summary>
    public static string Record(string encodedKey, string eventName = "ObjectCreated:Put", string bucket = Bucket, long size = 1024) => $$"""
        {
          "eventVersion": "2.1",
          "eventSource": "aws:s3",
          "awsRegion": "us-east-1",
          "eventTime": "2026-03-06T19:30:00.000Z",
          "eventName": "{{eventName}}",
          "userIdentity": { "principalId": "AWS:AIDAEXAMPLE" },
          "requestParameters": { "sourceIPAddress": "10.0.0.1" },
          "responseElements": { "x-amz-request-id": "C3D13FE58DE4C810", "x-amz-id-2": "FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD" },
          "s3": {
            "s3SchemaVersion": "1.0",
            "configurationId": "raw-object-created",
            "bucket": { "name": "{{bucket}}", "ownerIdentity": { "principalId": "A3NL1KOZZKExample" }, "arn": "arn:aws:s3:::{{bucket}}" },
            "object": { "key": "{{encodedKey}}", "size": {{size}}, "eTag": "d41d8cd98f00b204e9800998ecf8427e", "versionId": "096fKKXTRTtl3on89fVO.nfljtsv6qko", "sequencer": "0055AED6DCD90281E5" }
          }
        }
        """;

    public static string Event(params string[] records) => $$"""{ "Records": [ {{string.Join(",", records)}} ] }""";

    public static string Created(string encodedKey) => Event(Record(encodedKey));

    public const string TestEvent = """
        {"Service":"Amazon S3","Event":"s3:TestEvent","Time":"2026-03-06T19:30:00.000Z","Bucket":"cinema-stats","RequestId":"5582815E1AEA5ADF","HostId":"8cLeGAmw098X5cv4Zkwcmo8vvZa3eH3eKxsPzbB9wrR+YstdA6Knx4Ip8EXAMPLE"}
        """;

    /// <summary>An S3 event delivered through an SNS topic without raw message delivery.</summary>
    public static string ThroughSns(string s3Event) => $$"""
        {
          "Type": "Notification",
          "MessageId": "22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324",
          "TopicArn": "arn:aws:sns:us-east-1:123456789012:raw-objects",
          "Subject": "Amazon S3 Notification",
          "Message": {{JsonSerializer.Serialize(s3Event)}},
          "Timestamp": "2026-03-06T19:30:00.000Z",
          "SignatureVersion": "1"
        }
        """;
}
