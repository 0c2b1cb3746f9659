using CinemaStats.Core.Layout;
using CinemaStats.Transform.Discovery;

namespace CinemaStats.Transform.Tests.Discovery;

public sealed class S3EventNotificationTests
{
    private static readonly RawObjectKey Sessions = new("sessions", new DateOnly(2026, 3, 6), "01JNX5Q8", ".csv.gz");

    private static S3EventNotification Parse(string body)
    {
        Assert.True(S3EventNotification.TryParse(body, out var notification, out var problem), problem);
        return notification;
    }

    private static string Problem(string? body)
    {
        Assert.False(S3EventNotification.TryParse(body, out _, out var problem));
        return problem;
    }

    [Fact]
    public void A_put_event_names_the_raw_object_with_its_bucket_size_etag_and_sequencer()
    {
        var notification = Parse(S3EventSamples.Created(Sessions.ToString()));

        Assert.False(notification.IsTestEvent);
        var record = Assert.Single(notification.Records);
        Assert.Equal(new S3EventRecord("ObjectCreated:Put", "cinema-stats", Sessions.ToString(), 1024, "d41d8cd98f00b204e9800998ecf8427e", "0055AED6DCD90281E5"), record);
        Assert.Equal([Sessions], notification.CreatedRawObjects("cinema-stats"));
    }

    [Fact]
    public void Keys_are_url_decoded_with_plus_for_space()
    {
        var notification = Parse(S3EventSamples.Event(
            S3EventSamples.Record("raw/sessions/ingest_date%3D2026-03-06/01JNX5Q8.csv.gz"),
            S3EventSamples.Record("raw/sessions/ingest_date=2026-03-06/my+file%2B1.csv")));

        Assert.Equal(["raw/sessions/ingest_date=2026-03-06/01JNX5Q8.csv.gz", "raw/sessions/ingest_date=2026-03-06/my file+1.csv"],
            notification.Records.Select(r => r.Key));
        Assert.Equal([Sessions], notification.CreatedRawObjects(null));
    }

    [Fact]
    public void Every_record_counts_and_each_raw_object_once()
    {
        var other = Sessions with { UploadId = "01JNX5Q9", Extension = ".csv" };
        var notification = Parse(S3EventSamples.Event(
            S3EventSamples.Record(Sessions.ToString(), "ObjectCreated:CompleteMultipartUpload"),
            S3EventSamples.Record(other.ToString(), "ObjectCreated:Copy"),
            S3EventSamples.Record(Sessions.ToString(), "ObjectCreated:Put")));

        Assert.Equal(3, notification.Records.Count);
        Assert.Equal([Sessions, other], notification.CreatedRawObjects(S3EventSamples.Bucket));
    }

    [Fact]
    public void Removals_other_buckets_and_keys_outside_raw_are_not_raw_objects_to_process()
    {
        var notification = Parse(S3EventSamples.Event(
            S3EventSamples.Record(Sessions.ToString(), "ObjectRemoved:Delete"),
            S3EventSamples.Record(Sessions.ToString(), bucket: "someone-elses"),
            S3EventSamples.Record("curated/fact_session/business_date%3D2026-03-06/part-ab.parquet"),
            S3EventSamples.Record("raw/sessions/not-a-date/x.csv"),
            S3EventSamples.Record("_pipeline/ledger/raw.json")));

        Assert.Equal(5, notification.Records.Count);
        Assert.Empty(notification.CreatedRawObjects(S3EventSamples.Bucket));
    }

    [Fact]
    public void The_test_event_S3_sends_on_configuration_is_recognised_and_carries_nothing()
    {
        var notification = Parse(S3EventSamples.TestEvent);

        Assert.True(notification.IsTestEvent);
        Assert.Empty(notification.Records);
        Assert.Empty(notification.CreatedRawObjects(null));
    }

    [Fact]
    public void An_S3_event_inside_an_SNS_notification_is_unwrapped()
    {
        var notification = Parse(S3EventSamples.ThroughSns(S3EventSamples.Created(Sessions.ToString())));

        Assert.Equal([Sessions], notification.CreatedRawObjects(S3EventSamples.Bucket));
        Assert.True(Parse(S3EventSamples.ThroughSns(S3EventSamples.TestEvent)).IsTestEvent);
    }

    [Fact]
    public void Bodies_that_are_not_S3_events_are_poison_with_a_reason()
    {
        Assert.Contains("empty", Problem(""));
        Assert.Contains("not valid JSON", Problem("raw/sessions/ingest_date=2026-03-06/01JNX5Q8.csv.gz"));
        Assert.Contains("not an object", Problem("[1, 2]"));
        Assert.Contains("Records is missing", Problem("""{"hello":"world"}"""));
        Assert.Contains("'aws:sqs', not 'aws:s3'", Problem(S3EventSamples.Created(Sessions.ToString()).Replace("aws:s3", "aws:sqs")));
        Assert.Contains("only 2.x", Problem(S3EventSamples.Created(Sessions.ToString()).Replace("\"2.1\"", "\"3.0\"")));
        Assert.Contains("Records[1].s3.object.key is missing",
            Problem(S3EventSamples.Event(S3EventSamples.Record(Sessions.ToString()), S3EventSamples.Record(Sessions.ToString()).Replace("\"key\"", "\"name\""))));
        Assert.Contains("SubscriptionConfirmation", Problem("""{"Type":"SubscriptionConfirmation","Message":"confirm"}"""));
        Assert.Contains("Message is not valid JSON", Problem("""{"Type":"Notification","Message":"not json"}"""));
    }
}
