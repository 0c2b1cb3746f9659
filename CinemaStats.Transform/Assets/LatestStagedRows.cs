using CinemaStats.Core.Pipeline;
using CinemaStats.Core.Storage;
using CinemaStats.Core.Tables;

namespace CinemaStats.Transform.Assets;

/// <summary>
/// The de-duplication rule of the staged sources: among staged rows sharing a key, the row of the
/// most recently received raw object wins, then the later raw object key, then the later line.
/// </summary>
public static class LatestStagedRows
{
    /// <summary>The winning rows of <paramref name="inputs"/> (each as its batch and its index there), ordered by key, and how many staged rows were read.</summary>
    public static async Task<(IReadOnlyList<(TableColumns Source, int Row)> Winners, long RowsIn)> ReadAsync(
        IObjectStore store, IEnumerable<InputVersion> inputs, TableSchema staged, string keyColumn, CancellationToken cancellationToken)
    {
        var winners = new Dictionary<string, ((TableColumns, int) Row, DateTime ReceivedAt, string Source, long Line)>(StringComparer.Ordinal);
        long rowsIn = 0;
        foreach (var input in inputs)
        {
            await foreach (var rows in StagingFiles.ReadAsync(store, input.Key, staged, cancellationToken))
            {
                var keys = rows.Get<string?>(keyColumn);
                var received = rows.Get<DateTime?>("source_received_at");
                var sources = rows.Get<string?>("source_object");
                var lines = rows.Get<long?>("source_line");
                for (var i = 0; i < rows.RowCount; i++)
                {
                    rowsIn++;
                    var candidate = ((rows, i), received[i]!.Value, sources[i]!, lines[i]!.Value);
                    if (!winners.TryGetValue(keys[i]!, out var current) || Later(candidate, current))
                    {
                        winners[keys[i]!] = candidate;
                    }
                }
            }
        }
        return (winners.OrderBy(w => w.Key, StringComparer.Ordinal).Select(w => w.Value.Row).ToList(), rowsIn);
    }

    private static bool Later(((TableColumns, int), DateTime ReceivedAt, string Source, long Line) a, ((TableColumns, int), DateTime ReceivedAt, string Source, long Line) b)
    {
        if (a.ReceivedAt != b.ReceivedAt)
        {
            return a.ReceivedAt > b.ReceivedAt;
        }
        var bySource = string.CompareOrdinal(a.Source, b.Source);
        return bySource != 0 ? bySource > 0 : a.Line > b.Line;
    }
}
