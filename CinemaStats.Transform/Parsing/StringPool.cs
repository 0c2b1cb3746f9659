using System.Collections.Concurrent;

namespace CinemaStats.Transform.Parsing;

/// <summary>
/// Shares the strings of values that repeat from row to row (cinema ids, currencies, channels,
/// statuses, titles) instead of allocating one per row: a value seen before comes back as the same
/// string, without an allocation. Holds at most <see cref="Capacity"/> distinct values, so a column
/// that does not repeat costs one look-up per row and no memory. Safe to use from several threads.
/// </summary>
public sealed class StringPool
{
    private readonly ConcurrentDictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly bool _upperCase;
    private int _count;

    /// <param name="upperCase">Whether values come back upper-cased (invariant culture), as codes are stored.</param>
    public StringPool(bool upperCase = false, int capacity = 4096)
    {
        _upperCase = upperCase;
        Capacity = capacity;
        _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Capacity { get; }

    /// <summary>The value as a string (upper-cased for a pool of codes); the same string each time it repeats.</summary>
    public string Get(ReadOnlySpan<char> text)
    {
        if (_lookup.TryGetValue(text, out var known))
        {
            return known;
        }
        var value = text.ToString();
        var stored = _upperCase ? value.ToUpperInvariant() : value;
        if (_count < Capacity && _strings.TryAdd(value, stored))
        {
            Interlocked.Increment(ref _count);
        }
        return stored;
    }
}
