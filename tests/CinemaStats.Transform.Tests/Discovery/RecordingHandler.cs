using System.Collections.Concurrent;
using CinemaStats.Core.Layout;
using CinemaStats.Transform.Discovery;

namespace CinemaStats.Transform.Tests.Discovery;

/// <summary>
/// An idempotent handler like the engine's: what it has processed is a set of keys, so a key
/// handled twice is processed once. Records every call, and how many ran at once.
/// </summary>
internal sealed class RecordingHandler(Func<RawObjectKey, int, CancellationToken, Task>? behaviour = null) : IRawObjectHandler
{
    private readonly ConcurrentQueue<RawObjectKey> _calls = new();
    private readonly ConcurrentDictionary<RawObjectKey, bool> _processed = new();
    private int _callCount;
    private int _running;
    private int _mostRunning;

    public IReadOnlyCollection<RawObjectKey> Calls => _calls;

    public ICollection<RawObjectKey> Processed => _processed.Keys;

    public int MostRunningAtOnce => Volatile.Read(ref _mostRunning);

    public async Task HandleAsync(RawObjectKey key, CancellationToken cancellationToken)
    {
        _calls.Enqueue(key);
        var call = Interlocked.Increment(ref _callCount);
        var running = Interlocked.Increment(ref _running);
        int most;
        while (running > (most = Volatile.Read(ref _mostRunning)) && Interlocked.CompareExchange(ref _mostRunning, running, most) != most)
        {
        }
        try
        {
            if (behaviour is not null)
            {
                await behaviour(key, call, cancellationToken);
            }
            _processed[key] = true;
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }
}
