using CinemaStats.Core.Layout;

namespace CinemaStats.Transform.Discovery;

/// <summary>
/// What discovery hands a raw object to. Implementations must be idempotent: events can arrive
/// twice, and the periodic reconcile may find the same object, so handling a key again must
/// change nothing.
/// </summary>
public interface IRawObjectHandler
{
    /// <summary>Processes <paramref name="key"/>; throws when it could not, so the event is retried.</summary>
    Task HandleAsync(RawObjectKey key, CancellationToken cancellationToken);
}
