using System.IO.Compression;
using CinemaStats.Core.Layout;
using CinemaStats.Core.Storage;
using CinemaStats.Core.Tables;
using CinemaStats.Transform.Engine;
using CinemaStats.Transform.Sessions;

namespace CinemaStats.Transform.Assets;

/// <summary>A parsed row or the reason it was refused, with its line in the raw file.</summary>
public readonly record struct ParsedRow<T>(T? Record, RejectedRow? Rejected, long LineNumber) where T : class;

/// <summary>
/// What every staging asset of a dated source does with one raw object: read it (gunzipped
/// where sent compressed), group the good rows by business date, write one staging file per
/// date, and quarantine the rest. Rows in = rows out + rows quarantined.
/// </summary>
public static class StagingByDate
{
    public static async Task<(RawObjectResult Result, IReadOnlyList<T> Rows)> StageAsync<T>(
        RawObjectAsset asset,
        RawObjectKey raw,
        MaterializeContext context,
        Func<Stream, IEnumerable<ParsedRow<T>>> read,
        Func<T, DateOnly> businessDate,
        Func<IReadOnlyList<(T Row, long Line)>, DateTimeOffset, TableColumns> toColumns,
        CancellationToken cancellationToken) where T : class
    {
        var store = context.Store;
        var head = await store.HeadAsync(raw.ToString(), cancellationToken) ?? throw new ObjectNotFoundException(raw.ToString());
        var byDate = new SortedDictionary<DateOnly, List<(T Row, long Line)>>();
        var rejected = new List<RejectedRow>();
        long rowsIn = 0;
        await using (var stored = await store.OpenReadAsync(raw.ToString(), cancellationToken))
        await using (var content = raw.IsGzip ? new GZipStream(stored, CompressionMode.Decompress) : stored)
        {
            foreach (var parsed in read(content))
            {
                rowsIn++;
                if (parsed.Record is { } record)
                {
                    var date = businessDate(record);
                    if (!byDate.TryGetValue(date, out var rows))
                    {
                        byDate[date] = rows = [];
                    }
                    rows.Add((record, parsed.LineNumber));
                }
                else
                {
                    rejected.Add(parsed.Rejected!);
                }
            }
        }

        var outputs = new List<string>();
        foreach (var (date, rows) in byDate)
        {
            var key = PipelineKey.Staging(asset.Name, date, raw.UploadId);
            await StagingFiles.WriteAsync(store, key, toColumns(rows, head.LastModified), cancellationToken);
            outputs.Add(key);
        }
        await Quarantine.WriteAsync(store, raw, rejected, cancellationToken);
        var result = new RawObjectResult(rowsIn, byDate.Values.Sum(r => (long)r.Count), rejected.Count, outputs, [.. byDate.Keys]);
        return (result, [.. byDate.Values.SelectMany(r => r).Select(r => r.Row)]);
    }
}
