using Amazon.SQS;
using Amazon.SQS.Model;

namespace CinemaStats.Transform.Discovery;

/// <summary>
/// Keeps a message hidden from other consumers while it is handled by pushing its visibility
/// timeout forward every half timeout. A short timeout then still brings back a crashed worker's
/// message soon, however long a healthy handler takes. Stopping leaves the last extension
/// running: a message that is not deleted reappears within one timeout.
/// </summary>
internal sealed class VisibilityHeartbeat : IAsyncDisposable
{
    private readonly IAmazonSQS _sqs;
    private readonly string _queueUrl;
    private readonly Message _message;
    private readonly SqsDiscoveryOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop;
    private readonly Task _beats;

    public VisibilityHeartbeat(IAmazonSQS sqs, Message message, SqsDiscoveryOptions options, TimeProvider clock, ILogger logger, CancellationToken cancellationToken)
    {
        _sqs = sqs;
        _queueUrl = options.QueueUrl;
        _message = message;
        _options = options;
        _clock = clock;
        _logger = logger;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _beats = BeatAsync(_stop.Token);
    }

    private async Task BeatAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(_options.VisibilityTimeout / 2, _clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                try
                {
                    await _sqs.ChangeMessageVisibilityAsync(new ChangeMessageVisibilityRequest
                    {
                        QueueUrl = _queueUrl,
                        ReceiptHandle = _message.ReceiptHandle,
                        VisibilityTimeout = _options.VisibilityTimeoutSeconds,
                    }, stop);
                }
                catch (Exception e) when (!stop.IsCancellationRequested)
                {
                    // The next beat tries again; if every beat fails the message is delivered twice, which is harmless.
                    _logger.LogWarning(e, "Could not extend the visibility of message {MessageId}; another worker may receive it too", _message.MessageId);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _beats;
        _stop.Dispose();
    }
}
