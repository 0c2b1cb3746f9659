using System.Globalization;
using System.Text;

namespace CinemaStats.LoadTest;

/// <summary>p50 and p95 of each step at each number of concurrent users, and the errors.</summary>
public static class LoadReport
{
    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }
        var sorted = values.Order().ToArray();
        // nearest rank
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    /// <summary>One table for one replay mode: a row per number of users and step.</summary>
    public static string Markdown(IReadOnlyList<string> steps, IReadOnlyDictionary<int, List<StepResult>> byUsers)
    {
        var text = new StringBuilder();
        text.AppendLine("| users | step | samples | p50 ms | p95 ms | errors |");
        text.AppendLine("|---:|---|---:|---:|---:|---:|");
        foreach (var (users, results) in byUsers.OrderBy(r => r.Key))
        {
            foreach (var step in steps)
            {
                var ok = results.Where(r => r.Step == step && r.Error is null).Select(r => r.Milliseconds).ToList();
                var errors = results.Count(r => r.Step == step && r.Error is not null);
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {users} | {step} | {ok.Count} | {Ms(Percentile(ok, 50))} | {Ms(Percentile(ok, 95))} | {errors} |");
            }
        }
        var failures = byUsers.SelectMany(r => r.Value.Where(s => s.Error is not null).Select(s => $"{r.Key} users, {s.Step}: {s.Error}")).Distinct().Take(10).ToList();
        if (failures.Count > 0)
        {
            text.AppendLine().AppendLine("Errors (first ten distinct):").AppendLine();
            failures.ForEach(f => text.AppendLine("- " + f));
        }
        return text.ToString();
    }

    private static string Ms(double value) => double.IsNaN(value) ? "–" : value.ToString("F0", CultureInfo.InvariantCulture);
}
