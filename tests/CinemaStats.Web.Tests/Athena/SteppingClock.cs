namespace CinemaStats.Web.Tests.Athena;

/// <summary>
/// A clock that stands still until something waits on it: each timer (so each
/// <c>Task.Delay(…, timeProvider, …)</c>) moves time forward by its due time and fires at once,
/// so tests see the exact wait schedule without sleeping.
/// </summary>
public sealed class SteppingClock(DateTimeOffset start) : TimeProvider
{
    private readonly List<TimeSpan> _waits = [];
    private DateTimeOffset _now = start;

    public IReadOnlyList<TimeSpan> Waits
    {
        get { lock (_waits) { return _waits.ToList(); } }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_waits)
        {
            return _now;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime == Timeout.InfiniteTimeSpan)
        {
            return new NeverTimer();
        }
        lock (_waits)
        {
            _waits.Add(dueTime);
            _now += dueTime;
        }
        callback(state);
        return new NeverTimer();
    }

    private sealed class NeverTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => false;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
