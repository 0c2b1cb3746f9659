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

    /// <param name="zoneOf">The time zone of a cinema by its id, or null when unknown: local timestamps of an unknown cinema are read as UTC and flagged. Called from several threads.</param>
    public static IEnumerable<Result> Read(Stream content, Func<string, TimeZoneInfo?> zoneOf)
    {
        var block = new byte[BlockBytes];
        var filled = 0;
        var lines = new List<(long Number, int Start, int Length)>();
        var results = Array.Empty<Result>();
        long lineNumber = 0;
        var first = true;
        var ended = false;
        while (!ended)
        {
            if (filled == block.Length)
            {
                Array.Resize(ref block, block.Length * 2); // one line longer than the block
            }
            var read = content.Read(block, filled, block.Length - filled);
            ended = read == 0;
            filled += read;
            var start = 0;
            if (first && filled >= 3 && block.AsSpan(0, 3).SequenceEqual(Utf8Bom))
            {
                start = 3;
            }
            first = first && filled < 3 && !ended;

            lines.Clear();
            while (start < filled)
            {
                var newline = block.AsSpan(start, filled - start).IndexOf((byte)'\n');
                if (newline < 0 && !ended)
                {
                    break; // the rest of this line is in the next read
                }
                var length = newline < 0 ? filled - start : newline;
                lineNumber++;
                var trimmed = length > 0 && block[start + length - 1] == (byte)'\r' ? length - 1 : length;
                if (!IsBlank(block.AsSpan(start, trimmed)))
                {
                    lines.Add((lineNumber, start, trimmed));
                }
                start += newline < 0 ? length : length + 1;
            }

            if (lines.Count > 0)
            {
                if (results.Length < lines.Count)
                {
                    results = new Result[lines.Count];
                }
                var bytes = block;
                Parallel.For(0, lines.Count, i =>
                {
                    var (number, at, length) = lines[i];
                    results[i] = PosLineParser.Parse(number, bytes.AsSpan(at, length), zoneOf);
                });
                for (var i = 0; i < lines.Count; i++)
                {
                    yield return results[i];
                }
            }
            // Keep the incomplete last line at the start of the block.
            block.AsSpan(start, filled - start).CopyTo(block);
            filled -= start;
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.IndexOfAnyExcept(" \t\r\v\f"u8) < 0;

    public readonly record struct Result(PosLine? Record, Sessions.RejectedRow? Rejected, long LineNumber);
}
