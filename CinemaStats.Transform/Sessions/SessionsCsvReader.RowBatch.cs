using System.Collections.Concurrent;
using CinemaStats.Transform.Parsing;
using nietras.SeparatedValues;

namespace CinemaStats.Transform.Sessions;

public static partial class SessionsCsvReader
{
    /// <summary>
    /// Rows split into fields (and their raw text, kept for a refused row's quarantine entry) until
    /// the batch is full, then parsed on every core into results in file order. The arrays are
    /// reused from batch to batch: its memory is fixed by its size, not by the file.
    /// </summary>
    private sealed class RowBatch(int size)
    {
        private readonly int[] _rawStart = new int[size];
        private readonly int[] _rawLength = new int[size];
        private char[] _raw = new char[size * 128];
        private int _rawUsed;

        public string?[][] Values { get; } = Enumerable.Range(0, size).Select(_ => new string?[CanonicalColumns.Length]).ToArray();

        public long[] Lines { get; } = new long[size];

        /// <summary>What the last <see cref="Parse"/> produced, valid until the next <see cref="Add"/>.</summary>
        public Result[] Results { get; } = new Result[size];

        public int Count { get; private set; }

        public void Add(SepReader.Row row, int[] sourceIndex, StringPool?[] pools)
        {
            var values = Values[Count];
            for (var c = 0; c < sourceIndex.Length; c++)
            {
                var index = sourceIndex[c];
                values[c] = index >= 0 && index < row.ColCount && row[index].Span.Length > 0
                    ? pools[c] is { } pool ? pool.Get(row[index].Span) : row[index].ToString()
                    : null;
            }
            var text = row.Span;
            if (_rawUsed + text.Length > _raw.Length)
            {
                Array.Resize(ref _raw, Math.Max(_raw.Length * 2, _rawUsed + text.Length));
            }
            text.CopyTo(_raw.AsSpan(_rawUsed));
            (_rawStart[Count], _rawLength[Count]) = (_rawUsed, text.Length);
            _rawUsed += text.Length;
            Lines[Count] = row.LineNumberFrom;
            Count++;
        }

        public string RawText(int row) => new(_raw, _rawStart[row], _rawLength[row]);

        /// <summary>
        /// Parses the rows added since the last call, in parallel, into the first <see cref="Results"/>,
        /// then, in file order, refuses a good row whose session_id an earlier one of the file had
        /// (<see cref="FirstRowPerKey"/>); returns how many.
        /// </summary>
        public int Parse(ConcurrentDictionary<string, TimeZoneInfo?> zones, bool decimalComma, FirstRowPerKey firstRows)
        {
            var count = Count;
            Parallel.For(0, count, Parsing.ParsingParallelism.PerCore, i => Results[i] = ParseValues(this, i, zones, decimalComma));
            for (var i = 0; i < count; i++)
            {
                if (Results[i].Record is not { } record)
                {
                    continue;
                }
                var text = _raw.AsSpan(_rawStart[i], _rawLength[i]);
                var verdict = firstRows.Admit(record.SessionId, text, Lines[i], out var firstLine);
                if (FirstRowPerKey.Refusal(verdict, Lines[i], firstLine, "session_id", record.SessionId, RawText(i)) is { } refused)
                {
                    Results[i] = new Result(null, refused, Lines[i]);
                }
            }
            (Count, _rawUsed) = (0, 0);
            return count;
        }
    }
}
