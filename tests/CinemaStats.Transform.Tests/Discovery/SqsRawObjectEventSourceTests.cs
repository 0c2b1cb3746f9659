using Amazon.SQS.Model;
using CinemaStats.Core.Layout;
using CinemaStats.TestSupport;
using Microsoft.Extensions.Logging;

namespace CinemaStats.Transform.Tests.Discovery;

/// <summary>Receiving S3 events from the emulator's SQS: what is handled, what is deleted.</summary>
public sealed class SqsRawObjectEventSourceTests(S3Emulator emulator)
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(5);
    private static readonly RawObjectKey Sessions = new("sessions", new DateOnly(2026, 3, 6), "01JNX5Q8", ".csv.gz");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_raw_object_is_handled_once_and_its_message_deleted()
    {
        await using var bench = await SqsTestBench.StartAsync(emulator, new RecordingHandler(), TimeSpan.FromSeconds(30));

        await bench.SendAsync(S3EventSamples.Event(
            S3EventSamples.Record(Sessions.ToString()),
            S3EventSamples.Record("curated/fact_session/business_date%3D2026-03-06/part-ab.parquet")));

        await SqsTestBench.EventuallyAsync(async () => await bench.CountAsync(bench.QueueUrl) == 0, Soon, "the message is deleted");
        Assert.Equal([Sessions], bench.Handler.Calls);
    }

    [Fact]
    public async Task A_duplicated_event_is_handled_per_message_and_processes_the_object_once()
    {
        await using var bench = await SqsTestBench.StartAsync(emulator, new RecordingHandler(), TimeSpan.FromSeconds(30));

        var body = S3EventSamples.Created(Sessions.ToString());
        await bench.SendAsync(body);
        await bench.SendAsync(body);

        await SqsTestBench.EventuallyAsync(async () => bench.Handler.Calls.Count == 2 && await bench.CountAsync(bench.QueueUrl) == 0, Soon,
            "both messages are handled and deleted");
        Assert.Equal([Sessions, Sessions], bench.Handler.Calls);
        Assert.Equal([Sessions], bench.Handler.Processed);
    }

    [Fact]
    public async Task Test_events_removals_and_keys_outside_raw_are_deleted_without_calling_the_handler()
    {
        await using var bench = await SqsTestBench.StartAsync(emulator, new RecordingHandler(), TimeSpan.FromSeconds(30));

        await bench.SendAsync(S3EventSamples.TestEvent);
        await bench.SendAsync(S3EventSamples.Event(S3EventSamples.Record(Sessions.ToString(), "ObjectRemoved:Delete")));
        await bench.SendAsync(S3EventSamples.Created("_pipeline/ledger/raw.json"));
        await bench.SendAsync(S3EventSamples.Event(S3EventSamples.Record(Sessions.ToString(), bucket: "someone-elses")));

        await SqsTestBench.EventuallyAsync(async () => await bench.CountAsync(bench.QueueUrl) == 0, Soon, "all four messages are deleted");
        Assert.Empty(bench.Handler.Calls);
        Assert.Equal(0, await bench.CountAsync(bench.DeadLetterUrl));
    }

    [Fact]
    public async Task No_more_messages_are_handled_at_once_than_configured()
    {
        var handler = new RecordingHandler((_, _, ct) => Task.Delay(300, ct));
        var keys = Enumerable.Range(1, 5).Select(i => Sessions with { UploadId = $"upload{i}" }).ToList();
        await using var bench = await SqsTestBench.StartAsync(emulator, handler, TimeSpan.FromSeconds(30), maxParallelMessages: 2,
            beforeStart: async b =>
            {
                foreach (var key in keys)
                {
                    await b.SendAsync(S3EventSamples.Created(key.ToString()));
                }
            });

        await SqsTestBench.EventuallyAsync(async () => handler.Calls.Count == 5 && await bench.CountAsync(bench.QueueUrl) == 0, Soon,
            "all five messages are handled and deleted");
        Assert.Equal(2, handler.MostRunningAtOnce);
        Assert.Equal(keys.ToHashSet(), handler.Processed.ToHashSet());
    }

    [Fact]
    public async Task Failing_to_receive_is_logged_and_retried_until_the_queue_answers()
    {
        var visibility = TimeSpan.FromSeconds(30);
        await using var bench = await SqsTestBench.StartAsync(emulator, new RecordingHandler(), visibility, createQueues: false);

        await SqsTestBench.EventuallyAsync(() => bench.Log.At(LogLevel.Warning).Any(m => m.Contains("Receiving from")), Soon,
            "a failed receive is logged");
        await bench.CreateQueuesAsync(visibility);
        await bench.SendAsync(S3EventSamples.Created(Sessions.ToString()));

        await SqsTestBench.EventuallyAsync(async () => await bench.CountAsync(bench.QueueUrl) == 0 && bench.Handler.Calls.Count == 1,
            TimeSpan.FromSeconds(10), "the message is handled once the queue exists");
    }

    [Fact]
    public async Task On_shutdown_a_message_in_hand_is_given_back_at_once()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new RecordingHandler(async (_, _, ct) =>
        {
            started.SetResult();
            await Task.Delay(Timeout.Infinite, ct);
        });
        // One slot: with a second one a long poll would be pending at shutdown, and the emulator lets
        // that abandoned poll take the given-back message, hiding it again for its timeout.
        await using var bench = await SqsTestBench.StartAsync(emulator, handler, TimeSpan.FromSeconds(60), maxParallelMessages: 1);
        await bench.SendAsync(S3EventSamples.Created(Sessions.ToString()));
        await started.Task.WaitAsync(Soon, Ct);

        await bench.Source.StopAsync(Ct);

        // Without the give-back the message would stay hidden for its 60 s visibility timeout.
        var again = await bench.Sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = bench.QueueUrl, WaitTimeSeconds = 2 }, Ct);
        Assert.Single(again.Messages ?? []);
        Assert.Empty(handler.Processed);
    }
}
