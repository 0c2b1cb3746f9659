using CinemaStats.Transform.Parsing;

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

    /// <summary>
    /// Parses <see cref="Lines"/> on every core into the first <see cref="Results"/>, then, in file
    /// order, refuses a good line whose (transaction_id, line_no) an earlier line of the file had
    /// (<see cref="FirstRowPerKey"/>).
    /// </summary>
    public void Parse(Func<string, TimeZoneInfo?> zoneOf, FirstRowPerKey firstRows)
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
        Span<char> key = stackalloc char[256];
        for (var i = 0; i < Lines.Count; i++)
        {
            if (Results[i].Record is not { } line)
            {
                continue;
            }
            var (number, at, length) = Lines[i];
            var keyChars = Key(line, key);
            var verdict = firstRows.Admit(System.Runtime.InteropServices.MemoryMarshal.AsBytes(keyChars), Bytes.AsSpan(at, length), number, out var firstLine);
            if (verdict != FirstRowPerKey.Verdict.First)
            {
                var text = System.Text.Encoding.UTF8.GetString(Bytes, at, length);
                Results[i] = new(null, FirstRowPerKey.Refusal(verdict, number, firstLine, "transaction_id, line_no", $"{line.TransactionId}, {line.LineNo}", text), number);
            }
        }
    }

    /// <summary>The line's key as characters: the transaction id, a separator no id holds, the line number.</summary>
    private static ReadOnlySpan<char> Key(PosLine line, Span<char> buffer)
    {
        var id = line.TransactionId;
        if (id.Length + 12 > buffer.Length)
        {
            return $"{id}\0{line.LineNo}";
        }
        id.CopyTo(buffer);
        buffer[id.Length] = '\0';
        line.LineNo.TryFormat(buffer[(id.Length + 1)..], out var written, provider: System.Globalization.CultureInfo.InvariantCulture);
        return buffer[..(id.Length + 1 + written)];
    }

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.IndexOfAnyExcept(" \t\r\v\f"u8) < 0;
}
