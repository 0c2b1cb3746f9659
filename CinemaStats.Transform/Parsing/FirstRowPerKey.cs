using System.IO.Hashing;
using System.Runtime.InteropServices;
using CinemaStats.Transform.Sessions;

namespace CinemaStats.Transform.Parsing;

/// <summary>
/// The first good row of each key within one raw file (docs/data-contract.md, "Duplicates"): a later
/// row with the same key is refused, as a <c>duplicate</c> when its text is the same, else as a
/// <c>key_conflict</c>, naming the line that was kept. First wins, because a later row of the same
/// file is no newer than the first (a file is one export).
/// </summary>
/// <remarks>
/// Memory is 16 bytes a slot, with 4 slots for every 3 distinct keys or more (21 to 43 bytes a key),
/// and no key text: an open-addressing
/// table of 64-bit key hashes, each with its first line (40 bits) and a 24-bit hash of that row's
/// text. Two keys are taken for one only when their 64-bit hashes agree (for a file of 10 million
/// keys, about a 1 in 370,000 chance that any pair does): the later row is then refused as a key
/// conflict naming the other line, so even then nothing is lost unseen. Two rows of one key are
/// taken for copies when 24 bits of their text hashes agree (1 in 16 million per conflict): either
/// way the later row is refused. Not thread-safe: rows are admitted in file order.
/// </remarks>
public sealed class FirstRowPerKey
{
    private const int LineBits = 40;
    private const ulong ContentMask = (1UL << (64 - LineBits)) - 1;

    private ulong[] _keys = new ulong[1024];
    private ulong[] _values = new ulong[1024];
    private int _count;

    /// <summary>How a row stands against the rows before it.</summary>
    public enum Verdict
    {
        /// <summary>The first row of its key: kept.</summary>
        First,

        /// <summary>A copy of an earlier row, text for text.</summary>
        Duplicate,

        /// <summary>An earlier row has the same key and other text.</summary>
        KeyConflict,
    }

    /// <summary>Records the row at <paramref name="line"/> unless its key was seen; else says how it differs and where the first row is.</summary>
    public Verdict Admit(ReadOnlySpan<byte> key, ReadOnlySpan<byte> text, long line, out long firstLine)
    {
        if (line >> LineBits != 0)
        {
            throw new InvalidDataException($"Line {line}: files of more than {1L << LineBits} lines are not read; split the file.");
        }
        // 0 marks an empty slot.
        var stored = Math.Max(XxHash3.HashToUInt64(key), 1);
        var content = XxHash3.HashToUInt64(text) & ContentMask;
        var mask = _keys.Length - 1;
        for (var slot = (int)(stored >> 24) & mask; ; slot = (slot + 1) & mask)
        {
            if (_keys[slot] == 0)
            {
                _keys[slot] = stored;
                _values[slot] = ((ulong)line << (64 - LineBits)) | content;
                if (++_count * 4 > _keys.Length * 3)
                {
                    Grow();
                }
                firstLine = line;
                return Verdict.First;
            }
            if (_keys[slot] == stored)
            {
                firstLine = (long)(_values[slot] >> (64 - LineBits));
                return (_values[slot] & ContentMask) == content ? Verdict.Duplicate : Verdict.KeyConflict;
            }
        }
    }

    /// <inheritdoc cref="Admit(ReadOnlySpan{byte}, ReadOnlySpan{byte}, long, out long)"/>
    public Verdict Admit(ReadOnlySpan<char> key, ReadOnlySpan<char> text, long line, out long firstLine) =>
        Admit(MemoryMarshal.AsBytes(key), MemoryMarshal.AsBytes(text), line, out firstLine);

    /// <summary>The refusal of a row that is not <see cref="Verdict.First"/>; null for one that is.</summary>
    public static RejectedRow? Refusal(Verdict verdict, long line, long firstLine, string keyField, string key, string rawText) => verdict switch
    {
        Verdict.Duplicate => new RejectedRow(line, keyField, $"duplicate of line {firstLine} (the same row again; line {firstLine} is kept)", rawText, RejectedRow.Duplicate),
        Verdict.KeyConflict => new RejectedRow(line, keyField,
            $"key conflict with line {firstLine}: {keyField} {key} again with other values (the first row, line {firstLine}, is kept)", rawText, RejectedRow.KeyConflict),
        _ => null,
    };

    private void Grow()
    {
        var (keys, values) = (_keys, _values);
        _keys = new ulong[keys.Length * 2];
        _values = new ulong[keys.Length * 2];
        var mask = _keys.Length - 1;
        for (var i = 0; i < keys.Length; i++)
        {
            if (keys[i] == 0)
            {
                continue;
            }
            var slot = (int)(keys[i] >> 24) & mask;
            while (_keys[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }
            (_keys[slot], _values[slot]) = (keys[i], values[i]);
        }
    }
}
