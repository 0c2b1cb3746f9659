using System.Globalization;
using CinemaStats.Core.Tables;
using CinemaStats.Transform.Engine;

namespace CinemaStats.Transform.Assets;

/// <summary>
/// What staging learns about one POS staging file while it writes it, kept in the file's metadata
/// so that fact_ticket_line can publish the file without reading it back: how many lines it holds,
/// whether their (transaction_id, line_no) keys only ever increase, and for each check of
/// fact_ticket_line how many lines fail it, all for the column layout the file was written in.
/// Filled a row group at a time, in file order; with no checks it follows the key order alone.
/// A summary of version 2 also stands for unique keys in any order: staging refuses a key already
/// seen in the raw file (<see cref="Parsing.FirstRowPerKey"/>), so a file it writes never repeats one.
/// </summary>
public sealed class StagedLinesSummary(IReadOnlyList<AssetCheck> checks)
{
    /// <summary>The metadata entry of a staging file that holds the summary.</summary>
    public const string MetadataKey = "staged-lines";

    private const string Version = "v2";

    private readonly long[] _failing = new long[checks.Count];
    private (string TransactionId, int LineNo)? _last;

    public long Rows { get; private set; }

    public bool KeysIncrease { get; private set; } = true;

    /// <summary>Counts a row group written to the file (rows of fact_ticket_line's columns).</summary>
    public void Add(TableColumns rows)
    {
        var ids = rows.Get<string?>("transaction_id");
        var lineNos = rows.Get<int?>("line_no");
        for (var i = 0; i < rows.RowCount && KeysIncrease; i++)
        {
            var key = (ids[i]!, lineNos[i]!.Value);
            KeysIncrease = _last is not { } last || Compare(key, last) > 0;
            _last = key;
        }
        for (var c = 0; c < checks.Count; c++)
        {
            // A check that needs all rows at once has no count; readers then do not use the summary.
            _failing[c] += checks[c].CountsRows ? checks[c].CountFailing(rows) : 0;
        }
        Rows += rows.RowCount;
    }

    private static int Compare((string TransactionId, int LineNo) a, (string TransactionId, int LineNo) b)
    {
        var byId = string.CompareOrdinal(a.TransactionId, b.TransactionId);
        return byId != 0 ? byId : a.LineNo.CompareTo(b.LineNo);
    }

    /// <summary>The summary as a metadata value, tied to <paramref name="layout"/> (a hash of the columns it was written with).</summary>
    public string ToMetadata(string layout) =>
        string.Join(';', Version, layout, Rows.ToString(CultureInfo.InvariantCulture), KeysIncrease ? "1" : "0",
            string.Join(',', _failing.Select(n => n.ToString(CultureInfo.InvariantCulture))));

    /// <summary>The verdicts of the checks on every line counted, in the order of the checks.</summary>
    public IReadOnlyList<CheckVerdict> Verdicts() => [.. checks.Select((check, c) => check.VerdictFor(_failing[c]))];

    /// <summary>
    /// A summary read back from metadata written for <paramref name="layout"/> and these
    /// <paramref name="checks"/>; null for anything else (missing, another layout, version or number of checks).
    /// </summary>
    public static StagedLinesSummary? Parse(string? text, string layout, IReadOnlyList<AssetCheck> checks)
    {
        var parts = text?.Split(';');
        if (parts is not [Version, var written, var rowText, var order and ("0" or "1"), var counts] || written != layout
            || !long.TryParse(rowText, NumberStyles.None, CultureInfo.InvariantCulture, out var rows))
        {
            return null;
        }
        var values = counts.Length == 0 ? [] : counts.Split(',');
        if (values.Length != checks.Count)
        {
            return null;
        }
        var summary = new StagedLinesSummary(checks) { Rows = rows, KeysIncrease = order == "1" };
        for (var i = 0; i < values.Length; i++)
        {
            if (!long.TryParse(values[i], NumberStyles.None, CultureInfo.InvariantCulture, out summary._failing[i]))
            {
                return null;
            }
        }
        return summary;
    }
}
