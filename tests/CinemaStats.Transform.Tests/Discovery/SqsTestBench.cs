using Amazon.SQS;
using Amazon.SQS.Model;
using CinemaStats.TestSupport;
using CinemaStats.Transform.Discovery;
using Microsoft.Extensions.Options;

namespace CinemaStats.Transform.Tests.Discovery;

/// <summary>
/// A queue with a dead-letter queue (redrive after <c>maxReceiveCount</c> receives) on the
/// emulator, and a running <see cref="SqsRawObjectEventSource"/> consuming it.
/// </summary>
internal sealed class SqsTestBench : IAsyncDisposable
{
    public const int MaxReceiveCount = 2;

    private SqsTestBench(IAmazonSQS sqs, string queueUrl, string deadLetterUrl, RecordingHandler handler, SqsRawObjectEventSource source, ListLogger<SqsRawObjectEventSource> log)
    {
        Sqs = sqs;
        QueueUrl = queueUrl;
        DeadLetterUrl = deadLetterUrl;
        Handler = handler;
        Source = source;
        Log = log;
    }

    public IAmazonSQS Sqs { get; }
    public string QueueUrl { get; }
    public string DeadLetterUrl { get; }
    public RecordingHandler Handler { get; }
    public SqsRawObjectEventSource Source { get; }
    public ListLogger<SqsRawObjectEventSource> Log { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static SqsDiscoveryOptions OptionsFor(S3Emulator emulator, string queueUrl) => new()
    {
        QueueUrl = queueUrl,
        ServiceUrl = emulator.ServiceUrl,
        Region = S3Emulator.Region,
        AccessKey = S3Emulator.AccessKey,
        SecretKey = S3Emulator.SecretKey,
        Bucket = S3EventSamples.Bucket,
    };

    /// <summary>Starts consuming; with <paramref name="createQueues"/> false the queue is created later by <see cref="CreateQueuesAsync"/>.</summary>
    public static async Task<SqsTestBench> StartAsync(
        S3Emulator emulator, RecordingHandler handler, TimeSpan visibility, int maxParallelMessages = 2,
        Func<SqsTestBench, Task>? beforeStart = null, bool createQueues = true)
    {
        emulator.EnsureRunning();
        var name = $"raw-events-{Guid.NewGuid():N}";
        var sqs = SqsDiscoveryServiceExtensions.CreateSqsClient(OptionsFor(emulator, ""));
        var queueUrl = $"{emulator.ServiceUrl}/000000000000/{name}";
        var deadLetterUrl = queueUrl + "-dlq";
        var options = OptionsFor(emulator, queueUrl);
        options.VisibilityTimeout = visibility;
        options.MaxParallelMessages = maxParallelMessages;
        var log = new ListLogger<SqsRawObjectEventSource>();
        var source = new SqsRawObjectEventSource(sqs, handler, Options.Create(options), TimeProvider.System, log);
        var bench = new SqsTestBench(sqs, queueUrl, deadLetterUrl, handler, source, log);
        if (createQueues)
        {
            await bench.CreateQueuesAsync(visibility);
        }
        if (beforeStart is not null)
        {
            await beforeStart(bench);
        }
        await source.StartAsync(Ct);
        return bench;
    }

    public async Task CreateQueuesAsync(TimeSpan visibility)
    {
        var name = QueueUrl[(QueueUrl.LastIndexOf('/') + 1)..];
        var deadLetter = await Sqs.CreateQueueAsync(name + "-dlq", Ct);
        var arn = (await Sqs.GetQueueAttributesAsync(deadLetter.QueueUrl, [QueueAttributeName.QueueArn], Ct)).QueueARN;
        await Sqs.CreateQueueAsync(new CreateQueueRequest
        {
            QueueName = name,
            Attributes = new()
            {
                [QueueAttributeName.VisibilityTimeout] = ((int)visibility.TotalSeconds).ToString(),
                [QueueAttributeName.RedrivePolicy] = $$"""{"deadLetterTargetArn":"{{arn}}","maxReceiveCount":"{{MaxReceiveCount}}"}""",
            },
        }, Ct);
    }

    public Task SendAsync(string body) => Sqs.SendMessageAsync(QueueUrl, body, Ct);

    /// <summary>Messages on <paramref name="queueUrl"/>, visible or in flight.</summary>
    public async Task<int> CountAsync(string queueUrl)
    {
        var attributes = await Sqs.GetQueueAttributesAsync(queueUrl,
            [QueueAttributeName.ApproximateNumberOfMessages, QueueAttributeName.ApproximateNumberOfMessagesNotVisible], Ct);
        return attributes.ApproximateNumberOfMessages + attributes.ApproximateNumberOfMessagesNotVisible;
    }

    /// <summary>Polls <paramref name="condition"/> until it holds, failing with <paramref name="what"/> after <paramref name="within"/>.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, TimeSpan within, string what)
    {
        var deadline = DateTime.UtcNow + within;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Not within {within}: {what}");
            }
            await Task.Delay(50, Ct);
        }
    }

    public static Task EventuallyAsync(Func<bool> condition, TimeSpan within, string what) =>
        EventuallyAsync(() => Task.FromResult(condition()), within, what);

    public async ValueTask DisposeAsync()
    {
        await Source.StopAsync(CancellationToken.None);
        Source.Dispose();
        Sqs.Dispose();
    }
}
