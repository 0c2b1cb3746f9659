namespace CinemaStats.Transform.Engine;

/// <summary>
/// The log of one run, kept short on purpose: counts per level and at most <see cref="MaxLines"/>
/// lines, so the run history cannot grow without bound the way an event log does.
/// </summary>
public sealed class RunLog(ILogger logger)
{
    public const int MaxLines = 200;
    private readonly List<string> _lines = [];
    private readonly object _gate = new();
    private int _warnings;
    private int _errors;
    private int _dropped;

    public void Info(string message) => Add(LogLevel.Information, message);

    public void Warn(string message) => Add(LogLevel.Warning, message);

    public void Error(string message) => Add(LogLevel.Error, message);

    private void Add(LogLevel level, string message)
    {
#pragma warning disable CA2254 // the run log's messages are already formatted sentences
        logger.Log(level, message);
#pragma warning restore CA2254
        lock (_gate)
        {
            if (level == LogLevel.Warning)
            {
                _warnings++;
            }
            if (level == LogLevel.Error)
            {
                _errors++;
            }
            if (_lines.Count < MaxLines)
            {
                _lines.Add($"{DateTimeOffset.UtcNow:HH:mm:ss.fff} {level.ToString().ToUpperInvariant()[..4]} {message}");
            }
            else
            {
                _dropped++;
            }
        }
    }

    public RunLogSummary Summary()
    {
        lock (_gate)
        {
            return new RunLogSummary(_warnings, _errors, [.. _lines], _dropped);
        }
    }
}

public sealed record RunLogSummary(int Warnings, int Errors, IReadOnlyList<string> Lines, int LinesDropped);
