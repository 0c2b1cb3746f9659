using Amazon.SQS.Model;
using CinemaStats.Core.Layout;
using CinemaStats.TestSupport;
using Microsoft.Extensions.Logging;

namespace CinemaStats.Transform.Tests.Discovery;

/// <summary>
/// Visibility and redrive on the emulator's SQS: a message that was not handled comes back, and
/// after <see cref="SqsTestBench.MaxReceiveCount"/> receives the queue moves it to its dead-letter queue.
/// </summary>
public sealed class SqsRedeliveryTests(S3Emulator emulator)
{
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(8);
    private static readonly RawObjectKey Sessions = new("sessions", new DateOnly(2026, 3, 6), "01JNX5Q8", ".csv");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_message_whose_handler_failed_is_redelivered_and_deleted_once_handled()
    {
        var handler = new RecordingHandler((_, call, _) => call == 1 ? throw new IOException("the store hiccuped") : Task.CompletedTask);
        await using var bench = await SqsTestBench.StartAsync(emulator, handler, OneSecond);

        await bench.SendAsync(S3EventSamples.Created(Sessions.ToString()));

        await SqsTestBench.EventuallyAsync(async () => handler.Calls.Count == 2 && await bench.CountAsync(bench.QueueUrl) == 0, Soon,
            "the message comes back after the failure and is deleted once handled");
        Assert.Equal([Sessions], handler.Processed);
        Assert.Equal(0, await bench.CountAsync(bench.DeadLetterUrl));
        Assert.Contains(bench.Log.At(LogLevel.Warning), m => m.Contains($"Handling {Sessions} from message") && m.Contains("received 1 times"));
    }

    [Fact]
    public async Task A_message_whose_handler_keeps_failing_ends_in_the_dead_letter_queue()
    {
        var handler = new RecordingHandler((_, _, _) => throw new InvalidDataException("cannot read it"));
        await using var bench = await SqsTestBench.StartAsync(emulator, handler, OneSecond);

        var body = S3EventSamples.Created(Sessions.ToString());
        await bench.SendAsync(body);

        await SqsTestBench.EventuallyAsync(async () => await bench.CountAsync(bench.DeadLetterUrl) == 1, Soon, "the message reaches the dead-letter queue");
        Assert.Equal(SqsTestBench.MaxReceiveCount, handler.Calls.Count);
        Assert.Equal(0, await bench.CountAsync(bench.QueueUrl));
        var dead = await bench.Sqs.ReceiveMessageAsync(bench.DeadLetterUrl, Ct);
        Assert.Equal(body, Assert.Single(dead.Messages ?? []).Body);
    }

    [Fact]
    public async Task A_poison_message_is_logged_with_its_receive_count_and_ends_in_the_dead_letter_queue()
    {
        var handler = new RecordingHandler();
        await using var bench = await SqsTestBench.StartAsync(emulator, handler, OneSecond);

        await bench.SendAsync("raw/sessions/ingest_date=2026-03-06/01JNX5Q8.csv was uploaded");

        await SqsTestBench.EventuallyAsync(async () => await bench.CountAsync(bench.DeadLetterUrl) == 1, Soon, "the poison message reaches the dead-letter queue");
        Assert.Empty(handler.Calls);
        Assert.Equal(0, await bench.CountAsync(bench.QueueUrl));
        var errors = bench.Log.At(LogLevel.Error).ToList();
        Assert.Equal(SqsTestBench.MaxReceiveCount, errors.Count);
        Assert.Contains("not valid JSON", errors[0]);
        Assert.Contains("Received 1 times", errors[0]);
        Assert.Contains("Received 2 times", errors[1]);
    }

    [Fact]
    public async Task A_long_handler_keeps_its_message_hidden_until_it_is_done()
    {
        var handler = new RecordingHandler((_, _, ct) => Task.Delay(TimeSpan.FromSeconds(5), ct));
        await using var bench = await SqsTestBench.StartAsync(emulator, handler, TimeSpan.FromSeconds(2));

        await bench.SendAsync(S3EventSamples.Created(Sessions.ToString()));

        await SqsTestBench.EventuallyAsync(async () => handler.Processed.Count == 1 && await bench.CountAsync(bench.QueueUrl) == 0, Soon,
            "the message is handled and deleted");
        // The source had a free slot and kept polling for the whole 5 s: a lapse in visibility would have shown as a second call.
        Assert.Equal([Sessions], handler.Calls);
        Assert.Equal(0, await bench.CountAsync(bench.DeadLetterUrl));
    }

    [Fact]
    public async Task The_emulator_moves_a_message_to_the_dead_letter_queue_after_max_receive_count()
    {
        // Checks the emulator itself, so that the tests above prove something about redrive.
        await using var bench = await SqsTestBench.StartAsync(emulator, new RecordingHandler(), OneSecond, beforeStart: async b =>
        {
            await b.SendAsync("probe");
            for (var receive = 1; receive <= SqsTestBench.MaxReceiveCount; receive++)
            {
                var received = await b.Sqs.ReceiveMessageAsync(new ReceiveMessageRequest
                {
                    QueueUrl = b.QueueUrl,
                    WaitTimeSeconds = 3,
                    MessageSystemAttributeNames = ["ApproximateReceiveCount"],
                }, Ct);
                Assert.Equal(receive.ToString(), Assert.Single(received.Messages ?? []).Attributes["ApproximateReceiveCount"]);
            }
            var after = await b.Sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = b.QueueUrl, WaitTimeSeconds = 3 }, Ct);
            Assert.Empty(after.Messages ?? []);
            Assert.Equal(1, await b.CountAsync(b.DeadLetterUrl));
        });
    }
}
