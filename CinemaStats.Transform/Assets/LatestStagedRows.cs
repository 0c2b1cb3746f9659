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
    /// <summary>
    /// The winning rows of <paramref name="inputs"/> (each as its batch and its index there), ordered
    /// by key, how many staged rows were read, and which rows lost to which (<see cref="SupersessionLog"/>).
    /// </summary>
    public static async Task<(IReadOnlyList<(TableColumns Source, int Row)> Winners, long RowsIn, SupersessionLog Superseded)> ReadAsync(
        IObjectStore store, IEnumerable<InputVersion> inputs, TableSchema staged, string keyColumn, CancellationToken cancellationToken)
    {
        var superseded = new SupersessionLog();
        var winners = new Dictionary<string, ((TableColumns, int) Row, StagedCopy Copy)>(StringComparer.Ordinal);
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
                    var copy = new StagedCopy(received[i]!.Value, sources[i]!, lines[i]!.Value);
                    if (!winners.TryGetValue(keys[i]!, out var current))
                    {
                        winners[keys[i]!] = ((rows, i), copy);
                    }
                    else if (copy.IsLaterThan(current.Copy))
                    {
                        superseded.Add(copy, current.Copy);
                        winners[keys[i]!] = ((rows, i), copy);
                    }
                    else
                    {
                        superseded.Add(current.Copy, copy);
                    }
                }
            }
        }
        return (winners.OrderBy(w => w.Key, StringComparer.Ordinal).Select(w => w.Value.Row).ToList(), rowsIn, superseded);
    }

    /// <summary>Where a staged copy of a row came from, which decides between copies (a struct: one per staged row, no allocation).</summary>
    public readonly record struct StagedCopy(DateTime ReceivedAt, string Source, long Line)
    {
        /// <summary>The rule: the later received raw object, then the later object key, then the later line.</summary>
        public bool IsLaterThan(StagedCopy other)
        {
            if (ReceivedAt != other.ReceivedAt)
            {
                return ReceivedAt > other.ReceivedAt;
            }
            var bySource = string.CompareOrdinal(Source, other.Source);
            return bySource != 0 ? bySource > 0 : Line > other.Line;
        }
    }
}
