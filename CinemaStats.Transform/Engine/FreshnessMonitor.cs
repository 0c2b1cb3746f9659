using System.Diagnostics.Metrics;
using CinemaStats.Core.Layout;
using CinemaStats.Core.Storage;
using Microsoft.Extensions.Options;

namespace CinemaStats.Transform.Engine;

/// <summary>How fresh one source is against its deadline.</summary>
public sealed record SourceFreshness(string Source, DateTimeOffset? NewestObjectAt, TimeSpan? Deadline, bool Late, string Detail);

/// <summary>
/// The freshness check of each source: its newest raw object must be younger than the source's
/// deadline. A late source is logged and counted in the <c>cinemastats.transform.freshness_deadline_missed</c>
/// metric, which the AWS alarm watches.
/// </summary>
public sealed class FreshnessMonitor(IObjectStore store, IOptions<TransformOptions> options, TimeProvider clock, IMeterFactory meters, ILogger<FreshnessMonitor> logger)
{
    public const string MeterName = "CinemaStats.Transform";
    private readonly Counter<long> _missed = meters.Create(MeterName).CreateCounter<long>("cinemastats.transform.freshness_deadline_missed", description: "Sources found past their freshness deadline.");

    public async Task<IReadOnlyList<SourceFreshness>> EvaluateAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var result = new List<SourceFreshness>();
        foreach (var source in Core.Sources.SourceCatalog.All.Select(s => s.Name))
        {
            DateTimeOffset? newest = null;
            await foreach (var head in store.ListAllAsync(RawObjectKey.PrefixOf(source), cancellationToken))
            {
                if (newest is null || head.LastModified > newest)
                {
                    newest = head.LastModified;
                }
            }
            if (!options.Value.FreshnessDeadlines.TryGetValue(source, out var deadline))
            {
                result.Add(new SourceFreshness(source, newest, null, false, "no deadline set"));
                continue;
            }
            var late = newest is null || now - newest.Value > deadline;
            var detail = newest is null
                ? $"no file has arrived; the deadline is {deadline}"
                : late ? $"the newest file is {now - newest.Value:d\\.hh\\:mm} old, past the {deadline} deadline" : $"the newest file is {now - newest.Value:d\\.hh\\:mm} old";
            if (late)
            {
                _missed.Add(1, new KeyValuePair<string, object?>("source", source));
                logger.LogWarning("Source {Source} is late: {Detail}", source, detail);
            }
            result.Add(new SourceFreshness(source, newest, deadline, late, detail));
        }
        return result;
    }
}
