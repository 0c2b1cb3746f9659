using CinemaStats.Core.Layout;
using CinemaStats.Core.Storage;
using CinemaStats.Core.Tables;
using CinemaStats.Transform.Assets;
using CinemaStats.Transform.Films;

namespace CinemaStats.Transform.Apis;

/// <summary>One kept row of an upload with the flags cleaning gave it (docs/data-contract.md, "Row flags").</summary>
/// <param name="BusinessDate">The staging partition it sits in; null for films.</param>
public sealed record FlaggedRow(string Table, DateOnly? BusinessDate, long Line, string Key, string Flags);

/// <summary>The flagged rows of an upload, in file order per staging file, at most <c>limit</c>.</summary>
public sealed record FlaggedRowsReport(string UploadId, IReadOnlyList<FlaggedRow> Rows, bool Truncated);

/// <summary>
/// Finds an upload's flagged rows in its staging files (every source stages its rows with their
/// flags and lines), reading only the key, line and flags columns, a row group at a time.
/// </summary>
public static class FlaggedRows
{
    private sealed record Staged(TableSchema Table, string Flags, Func<TableColumns, int, string> Key);

    private static readonly Staged[] Tables =
    [
        new(StagingTables.StgSessions, "flags", (rows, i) => rows.Get<string?>("session_id")[i]!),
        new(StagingTables.StgPosTransactions, "flags", (rows, i) => $"{rows.Get<string?>("transaction_id")[i]}/{rows.Get<int?>("line_no")[i]}"),
        new(StgFilmsTable.Schema, "cleaning_flags", (rows, i) => rows.Get<string?>("film_key")[i]!),
    ];

    public static async Task<FlaggedRowsReport> FindAsync(IObjectStore store, string uploadId, int limit, CancellationToken cancellationToken)
    {
        var found = new List<FlaggedRow>();
        foreach (var staged in Tables)
        {
            var columns = staged.Table with
            {
                Columns = [.. staged.Table.Columns.Where(c => c.Name is "session_id" or "transaction_id" or "line_no" or "film_key" or "source_line" || c.Name == staged.Flags)],
            };
            await foreach (var head in store.ListAllAsync(PipelineKey.StagingPrefix(staged.Table.Name), cancellationToken))
            {
                if (!head.Key.EndsWith($"/{uploadId}.parquet", StringComparison.Ordinal))
                {
                    continue;
                }
                var date = head.Key.Split('/').FirstOrDefault(s => s.StartsWith("business_date=", StringComparison.Ordinal)) is { } segment
                    ? DateOnly.Parse(segment["business_date=".Length..], System.Globalization.CultureInfo.InvariantCulture)
                    : (DateOnly?)null;
                await foreach (var rows in StagingFiles.ReadAsync(store, head.Key, columns, cancellationToken))
                {
                    var flags = rows.Get<string?>(staged.Flags);
                    var lines = rows.Get<long?>("source_line");
                    for (var i = 0; i < rows.RowCount; i++)
                    {
                        if (string.IsNullOrEmpty(flags[i]))
                        {
                            continue;
                        }
                        if (found.Count == limit)
                        {
                            return new FlaggedRowsReport(uploadId, found, Truncated: true);
                        }
                        found.Add(new FlaggedRow(staged.Table.Name, date, lines[i]!.Value, staged.Key(rows, i), flags[i]!));
                    }
                }
            }
        }
        return new FlaggedRowsReport(uploadId, found, Truncated: false);
    }
}
