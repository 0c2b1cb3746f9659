using System.Globalization;
using CinemaStats.Core.Layout;
using CinemaStats.Core.Pipeline;
using CinemaStats.Core.Storage;

namespace CinemaStats.Transform.Marts;

/// <summary>What a daily table has published (its partitions' manifests), as the inputs of an unpartitioned table built from it.</summary>
public static class PublishedPartitions
{
    private const string DateSegment = "business_date=";

    /// <summary>Every published file of every business date of the table, versioned by its partition's data version.</summary>
    public static async Task<IReadOnlyList<InputVersion>> InputsAsync(IObjectStore store, string table, CancellationToken cancellationToken)
    {
        var states = await new AssetPartitionStates(store).ListAsync(table, cancellationToken);
        return states
            .OrderBy(s => s.Partition, StringComparer.Ordinal)
            .SelectMany(s => s.Files.Select(file => new InputVersion(file, s.DataVersion ?? "")))
            .ToList();
    }

    /// <summary>Whether the input is a published file of the table.</summary>
    public static bool IsFileOf(string table, InputVersion input) =>
        input.Key.StartsWith(CuratedPartitionKey.TablePrefix(table), StringComparison.Ordinal);

    /// <summary>The business date of a daily table's file, from its key (the partition column is not in the file).</summary>
    public static DateOnly BusinessDateOf(string key)
    {
        var start = key.IndexOf(DateSegment, StringComparison.Ordinal);
        return start >= 0 && DateOnly.TryParseExact(key.AsSpan(start + DateSegment.Length, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new InvalidOperationException($"{key} is not a file of a partition by business date.");
    }
}
