namespace CinemaStats.Transform.Pos;

/// <summary>
/// One block of a POS file's bytes, the complete lines found in it and, once parsed, their
/// results in file order. The arrays are reused from block to block.
/// </summary>
internal sealed class PosBlock(int size)
{
    public byte[] Bytes { get; private set; } = new byte[size];

    /// <summary>How many bytes of <see cref="Bytes"/> hold data.</summary>
    public int Filled { get; set; }

    /// <summary>The non-blank lines complete in the block: number in the file, start and length (without the line end).</summary>
    public List<(long Number, int Start, int Length)> Lines { get; } = [];

    public PosTransactionsReader.Result[] Results { get; private set; } = [];

    /// <summary>Doubles the block, keeping its bytes.</summary>
    public void Grow()
    {
        var bytes = Bytes;
        Array.Resize(ref bytes, bytes.Length * 2);
        Bytes = bytes;
    }

    /// <summary>
    /// Finds the lines complete from <paramref name="start"/> (all of them once the file has
    /// <paramref name="ended"/>), numbering them from <paramref name="lineNumber"/>; returns where the incomplete rest starts.
    /// </summary>
    public int SplitLines(int start, bool ended, ref long lineNumber)
    {
        Lines.Clear();
        while (start < Filled)
        {
            var newline = Bytes.AsSpan(start, Filled - start).IndexOf((byte)'\n');
            if (newline < 0 && !ended)
            {
                break; // the rest of this line is in the next read
            }
            var length = newline < 0 ? Filled - start : newline;
            lineNumber++;
            var trimmed = length > 0 && Bytes[start + length - 1] == (byte)'\r' ? length - 1 : length;
            if (!IsBlank(Bytes.AsSpan(start, trimmed)))
            {
                Lines.Add((lineNumber, start, trimmed));
            }
            start += newline < 0 ? length : length + 1;
        }
        return start;
    }

    /// <summary>Starts this block with the bytes of <paramref name="from"/> after <paramref name="start"/> (an incomplete line).</summary>
    public void TakeRest(PosBlock from, int start)
    {
        var rest = from.Filled - start;
        if (Bytes.Length < from.Bytes.Length)
        {
            Bytes = new byte[from.Bytes.Length];
        }
        from.Bytes.AsSpan(start, rest).CopyTo(Bytes);
        Filled = rest;
    }

    /// <summary>Parses <see cref="Lines"/> on every core into the first <see cref="Results"/>.</summary>
    public void Parse(Func<string, TimeZoneInfo?> zoneOf)
    {
        if (Results.Length < Lines.Count)
        {
            Results = new PosTransactionsReader.Result[Lines.Count];
        }
        Parallel.For(0, Lines.Count, Parsing.ParsingParallelism.PerCore, i =>
        {
            var (number, at, length) = Lines[i];
            Results[i] = PosLineParser.Parse(number, Bytes.AsSpan(at, length), zoneOf);
        });
    }

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.IndexOfAnyExcept(" \t\r\v\f"u8) < 0;
}
