namespace CinemaStats.LoadTest;

/// <summary>One replayed session of one user: when it started and ended (from the run's start), and its steps.</summary>
public sealed record TimedSession(int User, TimeSpan Start, TimeSpan End, List<StepResult> Steps);

/// <summary>
/// shinyloadtest's phases of a run: users start one after another (warm-up), then all of them are
/// replaying sessions (maintenance), then they finish one after another (cool-down). The
/// figures of a given number of concurrent users are those of the maintenance period: the
/// sessions that started once every user had started and ended before the first user was done.
/// </summary>
public static class LoadPhases
{
    public static IReadOnlyList<TimedSession> Maintenance(IReadOnlyList<IReadOnlyList<TimedSession>> byUser)
    {
        var active = byUser.Where(u => u.Count > 0).ToList();
        if (active.Count == 0)
        {
            return [];
        }
        var allStarted = active.Max(u => u[0].Start);
        var firstDone = active.Min(u => u[^1].End);
        return [.. active.SelectMany(u => u).Where(s => s.Start >= allStarted && s.End <= firstDone)];
    }

    /// <summary>
    /// shinycannon's default gap between two users' starts: the recorded session's length divided
    /// by the number of users, so that the last user starts as the first one ends its first session.
    /// </summary>
    public static TimeSpan StartInterval(TimeSpan recording, int users) => users <= 1 ? TimeSpan.Zero : recording / users;

    /// <summary>The length of a recorded session: its steps and the think time after each.</summary>
    public static TimeSpan RecordingLength(IEnumerable<StepResult> steps, TimeSpan thinkTime) =>
        steps.Aggregate(TimeSpan.Zero, (total, step) => total + TimeSpan.FromMilliseconds(step.Milliseconds) + thinkTime);
}
