using Amazon.SQS;
using Amazon.SQS.Model;
using CinemaStats.Core.Layout;
using Microsoft.Extensions.Options;

namespace CinemaStats.Transform.Discovery;

/// <summary>
/// Receives the bucket's S3 event notifications from SQS and hands each new raw object to the
/// <see cref="IRawObjectHandler"/>. A message is deleted only after every raw object in it was
/// handled; otherwise it reappears after the visibility timeout, and the queue's redrive policy
/// moves it to the dead-letter queue after <c>maxReceiveCount</c> receives. Messages that are
/// not S3 events are never deleted here, so they end there too instead of vanishing. Events only
/// make discovery quick: the periodic reconcile still finds whatever an event failed to announce.
/// </summary>
public sealed class SqsRawObjectEventSource(
    [FromKeyedServices(SqsDiscoveryOptions.SectionName)] IAmazonSQS sqs,
    IRawObjectHandler handler,
    IOptions<SqsDiscoveryOptions> options,
    TimeProvider clock,
    ILogger<SqsRawObjectEventSource> logger) : BackgroundService
{
    private const int MaxMessagesPerReceive = 10;
    private const int LongPollSeconds = 20;
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetryDelay = TimeSpan.FromSeconds(60);
    private const int BodyShownInLog = 1000;

    private SqsDiscoveryOptions Settings => options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        logger.LogInformation("Receiving S3 events from {QueueUrl}, {Parallel} messages at a time", Settings.QueueUrl, Settings.MaxParallelMessages);

        // A slot per message being handled. Receiving no more than there are free slots means no
        // message waits here while its visibility timeout and receive count run.
        using var slots = new SemaphoreSlim(Settings.MaxParallelMessages);
        var failuresInARow = 0;
        try
        {
            await WarnWithoutRedrivePolicyAsync(stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                await slots.WaitAsync(stoppingToken);
                var taken = 1;
                while (taken < MaxMessagesPerReceive && slots.Wait(0))
                {
                    taken++;
                }

                List<Message> messages;
                try
                {
                    messages = await ReceiveAsync(taken, stoppingToken);
                    failuresInARow = 0;
                }
                catch (Exception e)
                {
                    slots.Release(taken);
                    if (stoppingToken.IsCancellationRequested)
                    {
                        break;
                    }
                    failuresInARow++;
                    var delay = RetryDelay(failuresInARow);
                    logger.LogWarning(e, "Receiving from {QueueUrl} failed ({Failures} in a row); trying again in {Delay}", Settings.QueueUrl, failuresInARow, delay);
                    await Task.Delay(delay, clock, stoppingToken);
                    continue;
                }

                if (taken > messages.Count)
                {
                    slots.Release(taken - messages.Count);
                }
                foreach (var message in messages)
                {
                    // On the thread pool, so a handler that works synchronously at first does not hold up receiving.
                    _ = Task.Run(() => HandleThenFreeSlotAsync(message, slots, stoppingToken), CancellationToken.None);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        // Messages in hand see the cancellation and give themselves back; wait for them before the client goes.
        for (var i = 0; i < Settings.MaxParallelMessages; i++)
        {
            await slots.WaitAsync(CancellationToken.None);
        }
    }

    private async Task<List<Message>> ReceiveAsync(int count, CancellationToken cancellationToken)
    {
        var response = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest
        {
            QueueUrl = Settings.QueueUrl,
            MaxNumberOfMessages = count,
            WaitTimeSeconds = LongPollSeconds,
            VisibilityTimeout = Settings.VisibilityTimeoutSeconds,
            MessageSystemAttributeNames = [MessageSystemAttributeName.ApproximateReceiveCount],
        }, cancellationToken);
        return response.Messages ?? [];
    }

    private async Task HandleThenFreeSlotAsync(Message message, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        try
        {
            await HandleAsync(message, stoppingToken);
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            await GiveBackAsync(message);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Handling message {MessageId} failed unexpectedly; it stays on the queue", message.MessageId);
        }
        finally
        {
            slots.Release();
        }
    }

    /// <summary>Handles one message; returns normally both when it was deleted and when it was left for a retry.</summary>
    private async Task HandleAsync(Message message, CancellationToken cancellationToken)
    {
        var receiveCount = ReceiveCountOf(message);
        if (!S3EventNotification.TryParse(message.Body, out var notification, out var problem))
        {
            logger.LogError(
                "Message {MessageId} on {QueueUrl} is not an S3 event notification: {Problem}. Received {ReceiveCount} times; "
                + "it is left on the queue for the redrive policy to move to the dead-letter queue. Body: {Body}",
                message.MessageId, Settings.QueueUrl, problem, receiveCount, Shorten(message.Body));
            return;
        }

        if (notification.IsTestEvent)
        {
            logger.LogInformation("S3 test event {MessageId} received: the bucket's notifications reach {QueueUrl}", message.MessageId, Settings.QueueUrl);
        }
        var keys = notification.CreatedRawObjects(Settings.Bucket);
        logger.LogDebug("Message {MessageId}: {Records} records, {RawObjects} new raw objects", message.MessageId, notification.Records.Count, keys.Count);
        if (keys.Count > 0 && !await HandleKeysAsync(message, keys, receiveCount, cancellationToken))
        {
            return;
        }
        await DeleteAsync(message, cancellationToken);
    }

    private async Task<bool> HandleKeysAsync(Message message, IReadOnlyList<RawObjectKey> keys, string receiveCount, CancellationToken cancellationToken)
    {
        await using var heartbeat = new VisibilityHeartbeat(sqs, message, Settings, clock, logger, cancellationToken);
        foreach (var key in keys)
        {
            try
            {
                await handler.HandleAsync(key, cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // Keys handled before this one are handled again on redelivery; the handler is idempotent.
                logger.LogWarning(e,
                    "Handling {RawKey} from message {MessageId} failed (received {ReceiveCount} times); the message is retried after "
                    + "the visibility timeout and moved to the dead-letter queue after the queue's maxReceiveCount",
                    key, message.MessageId, receiveCount);
                return false;
            }
        }
        return true;
    }

    private async Task DeleteAsync(Message message, CancellationToken cancellationToken)
    {
        try
        {
            await sqs.DeleteMessageAsync(Settings.QueueUrl, message.ReceiptHandle, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Could not delete message {MessageId}; it will be delivered and handled again, which changes nothing", message.MessageId);
        }
    }

    /// <summary>On shutdown, makes a message in hand visible at once so another worker need not wait out its timeout.</summary>
    private async Task GiveBackAsync(Message message)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5), clock);
        try
        {
            await sqs.ChangeMessageVisibilityAsync(new ChangeMessageVisibilityRequest
            {
                QueueUrl = Settings.QueueUrl,
                ReceiptHandle = message.ReceiptHandle,
                VisibilityTimeout = 0,
            }, timeout.Token);
        }
        catch (Exception e)
        {
            logger.LogDebug(e, "Could not give back message {MessageId} on shutdown; it reappears after its visibility timeout", message.MessageId);
        }
    }

    /// <summary>Without a redrive policy a poison message comes back for ever: say so once at start.</summary>
    private async Task WarnWithoutRedrivePolicyAsync(CancellationToken cancellationToken)
    {
        try
        {
            var attributes = await sqs.GetQueueAttributesAsync(Settings.QueueUrl, [QueueAttributeName.RedrivePolicy], cancellationToken);
            if (attributes.Attributes is null || !attributes.Attributes.ContainsKey(QueueAttributeName.RedrivePolicy))
            {
                logger.LogWarning("{QueueUrl} has no redrive policy: messages that cannot be handled will be received again and again. "
                    + "Give it a dead-letter queue and a maxReceiveCount.", Settings.QueueUrl);
            }
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("Could not read the redrive policy of {QueueUrl}: {Reason}", Settings.QueueUrl, e.Message);
        }
    }

    private static string ReceiveCountOf(Message message) =>
        message.Attributes?.GetValueOrDefault(MessageSystemAttributeName.ApproximateReceiveCount) ?? "?";

    private static string? Shorten(string? body) =>
        body is { Length: > BodyShownInLog } ? string.Concat(body.AsSpan(0, BodyShownInLog), "…") : body;

    /// <summary>Exponential from one second, capped at a minute, with jitter so that workers do not retry in step.</summary>
    private static TimeSpan RetryDelay(int failuresInARow)
    {
        var exponential = FirstRetryDelay * Math.Pow(2, Math.Min(failuresInARow - 1, 16));
        var capped = exponential < LongestRetryDelay ? exponential : LongestRetryDelay;
        return capped * (0.8 + 0.4 * Random.Shared.NextDouble());
    }
}
