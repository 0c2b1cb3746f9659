using CinemaStats.Transform.Parsing;

namespace CinemaStats.Transform.Pos;

/// <summary>
/// Streams a <c>pos_transactions</c> JSON Lines file as UTF-8 bytes, a block of lines at a time
/// (parsed in parallel by <see cref="PosLineParser"/>), so memory stays bounded by the block, not
/// the file. Each non-blank line comes out either as a <see cref="PosLine"/> or as a
/// <see cref="Sessions.RejectedRow"/> with its line number, field and reason, in file order:
/// rows in = rows out + rows rejected.
/// </summary>
public static class PosTransactionsReader
{
    /// <summary>Business days end at 06:00, as for sessions: a sale at 01:00 belongs to the day before.</summary>
    public static readonly TimeSpan BusinessDayCutOff = TimeSpan.FromHours(6);

    /// <summary>Bytes read at a time; the lines complete in a block are parsed together. A longer line grows the block.</summary>
    private const int BlockBytes = 1 << 20;

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// Two blocks take turns: while the lines of one are parsed in the background, the results of
    /// the one before go to the caller and the next bytes are read into the other. At most two
    /// blocks and their results are held.
    /// </summary>
    /// <param name="zoneOf">The time zone of a cinema by its id, or null when unknown: local timestamps of an unknown cinema are read as UTC and flagged. Called from several threads.</param>
    public static IEnumerable<Result> Read(Stream content, Func<string, TimeZoneInfo?> zoneOf)
    {
        PosBlock current = new(BlockBytes), other = new(BlockBytes);
        Task? parsing = null;
        PosBlock? parsed = null;
        long lineNumber = 0;
        var first = true;
        var ended = false;
        var contentSeen = false;
        var firstRows = new FirstRowPerKey();
        try
        {
            while (!ended)
            {
                if (current.Filled == current.Bytes.Length)
                {
                    current.Grow(); // one line longer than the block
                }
                var read = content.Read(current.Bytes, current.Filled, current.Bytes.Length - current.Filled);
                ended = read == 0;
                current.Filled += read;
                var start = 0;
                if (first && current.Filled >= 3 && current.Bytes.AsSpan(0, 3).SequenceEqual(Utf8Bom))
                {
                    start = 3;
                }
                first = first && current.Filled < 3 && !ended;
                if (!contentSeen && current.Bytes.AsSpan(start, current.Filled - start).IndexOfAnyExcept(" \t\r\n"u8) is var at and >= 0)
                {
                    contentSeen = true;
                    if (current.Bytes[start + at] == (byte)'[')
                    {
                        throw new InvalidDataException(NotJsonLines);
                    }
                }
                start = current.SplitLines(start, ended, ref lineNumber);

                // The block parsed before must be done before its bytes take the incomplete last line.
                parsing?.GetAwaiter().GetResult();
                other.TakeRest(current, start);
                var block = current;
                parsing = block.Lines.Count > 0 ? Task.Run(() => block.Parse(zoneOf, firstRows)) : null;
                if (parsed is not null)
                {
                    for (var i = 0; i < parsed.Lines.Count; i++)
                    {
                        yield return parsed.Results[i];
                    }
                }
                parsed = parsing is null ? null : current;
                (current, other) = (other, current);
            }
            parsing?.GetAwaiter().GetResult();
            if (parsed is not null)
            {
                for (var i = 0; i < parsed.Lines.Count; i++)
                {
                    yield return parsed.Results[i];
                }
            }
        }
        finally
        {
            // A caller that stops early must not leave a parse running on the blocks.
            if (parsing is not null)
            {
                Task.WaitAny(parsing);
            }
        }
    }

    /// <summary>Why a file that starts with '[' fails whole: one element read as a line would be half a story.</summary>
    public const string NotJsonLines =
        "The file is a JSON array, not JSON Lines: pos_transactions takes one JSON object per line, without an enclosing [ ]. "
        + "No row of it was staged; write one object per line and send it again.";

    public readonly record struct Result(PosLine? Record, Sessions.RejectedRow? Rejected, long LineNumber);
}
