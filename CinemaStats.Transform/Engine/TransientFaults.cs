using CinemaStats.Core.Storage;

namespace CinemaStats.Transform.Engine;

/// <summary>Retries work that failed for a reason that passes (the store did not answer), with exponential back-off.</summary>
public static class TransientFaults
{
    public static bool IsTransient(Exception e) =>
        e is ObjectStoreUnavailableException or TimeoutException or HttpRequestException
        || (e is IOException && e is not FileNotFoundException and not DirectoryNotFoundException and not InvalidDataException);

    public static async Task<T> RetryAsync<T>(Func<Task<T>> work, RunLog log, string what, CancellationToken cancellationToken, int attempts = 4)
    {
        var delay = TimeSpan.FromMilliseconds(200);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await work();
            }
            catch (Exception e) when (attempt < attempts && IsTransient(e) && !cancellationToken.IsCancellationRequested)
            {
                log.Warn($"{what}: attempt {attempt} failed ({e.Message}); retrying in {delay.TotalMilliseconds:F0} ms");
                await Task.Delay(delay, cancellationToken);
                delay *= 2;
            }
        }
    }
}
