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
/// where sent compressed) as a stream, group the good rows by business date into one staging
/// file per date written in row groups (see <see cref="StagingChunking"/>), and quarantine the
/// rest. Rows in = rows out + rows quarantined. Memory is bounded by the chunking, not the file.
/// </summary>
public static class StagingByDate
{
    /// <summary>Row groups written at once in the background, of different dates, while parsing goes on (staging memory counts on this bound).</summary>
    private const int MaxWrites = 2;

    /// <param name="flagsOf">The flags a good row is kept with, counted for the upload's quality report.</param>
    /// <param name="metadataOf">The metadata each date's staging file is stored with, asked once all its rows are written.</param>
    public static async Task<RawObjectResult> StageAsync<T>(
        RawObjectAsset asset,
        RawObjectKey raw,
        MaterializeContext context,
        StagingChunking chunking,
        Func<Stream, IEnumerable<ParsedRow<T>>> read,
        Func<T, DateOnly> businessDate,
        Func<IReadOnlyList<(T Row, long Line)>, DateTimeOffset, TableColumns> toColumns,
        Func<T, IReadOnlyList<string>> flagsOf,
        CancellationToken cancellationToken,
        Func<DateOnly, IReadOnlyDictionary<string, string>>? metadataOf = null) where T : class
    {
        var store = context.Store;
        var head = await store.HeadAsync(raw.ToString(), cancellationToken) ?? throw new ObjectNotFoundException(raw.ToString());
        var dates = new SortedDictionary<DateOnly, DateFile<T>>();
        await using var quarantine = new QuarantineFile(raw);
        long rowsIn = 0, rowsOut = 0, buffered = 0;
        var flagged = new Dictionary<string, long>(StringComparer.Ordinal);
        // Row groups are written in the background while parsing goes on: at most MaxWrites at a
        // time, each date's in the order they were taken.
        var writes = new List<Task>();
        async Task WriteInBackgroundAsync(DateFile<T> file)
        {
            var rows = file.TakePending();
            buffered -= rows.Count;
            while (writes.Count >= MaxWrites)
            {
                var done = await Task.WhenAny(writes);
                writes.Remove(done);
                await done;
            }
            var previous = file.Writing;
            file.Writing = Task.Run(async () =>
            {
                await previous;
                await file.WriteAsync(asset.Output, rows, toColumns, head.LastModified, cancellationToken);
            }, cancellationToken);
            writes.Add(file.Writing);
        }
        try
        {
            await using (var stored = await store.OpenReadAsync(raw.ToString(), cancellationToken))
            await using (var content = raw.IsGzip ? new GZipStream(stored, CompressionMode.Decompress) : stored)
            {
                foreach (var parsed in read(content))
                {
                    rowsIn++;
                    if (parsed.Record is not { } record)
                    {
                        quarantine.Add(parsed.Rejected!);
                        continue;
                    }
                    foreach (var flag in flagsOf(record))
                    {
                        flagged[flag] = flagged.GetValueOrDefault(flag) + 1;
                    }
                    var date = businessDate(record);
                    if (!dates.TryGetValue(date, out var file))
                    {
                        dates[date] = file = new DateFile<T>();
                    }
                    file.Pending.Add((record, parsed.LineNumber));
                    rowsOut++;
                    buffered++;
                    if (file.Pending.Count >= chunking.RowsPerGroup)
                    {
                        await WriteInBackgroundAsync(file);
                    }
                    else if (buffered >= chunking.MaxBufferedRows)
                    {
                        await WriteInBackgroundAsync(dates.Values.MaxBy(f => f.Pending.Count)!);
                    }
                }
            }

            await Task.WhenAll(writes);
            var outputs = new List<string>();
            foreach (var (date, file) in dates)
            {
                await file.WriteAsync(asset.Output, file.TakePending(), toColumns, head.LastModified, cancellationToken);
                var key = PipelineKey.Staging(asset.Name, date, raw.UploadId);
                await file.Writer!.PublishAsync(store, key, cancellationToken, metadataOf?.Invoke(date));
                outputs.Add(key);
            }
            await quarantine.PublishAsync(store, cancellationToken);
            return new RawObjectResult(rowsIn, rowsOut, quarantine.Count, outputs, [.. dates.Keys])
            {
                QuarantinedByReason = quarantine.ByReason,
                FlaggedByFlag = flagged,
            };
        }
        finally
        {
            // A failed parse must not leave a background write on a file about to be deleted.
            await Task.WhenAny(Task.WhenAll(writes));
            foreach (var file in dates.Values)
            {
                if (file.Writer is not null)
                {
                    await file.Writer.DisposeAsync();
                }
            }
        }
    }

    /// <summary>The staging file of one business date: rows waiting for the next row group, and the file written so far.</summary>
    private sealed class DateFile<T>
    {
        public List<(T Row, long Line)> Pending { get; private set; } = [];

        public StagingFileWriter? Writer { get; private set; }

        /// <summary>The last row group handed to the background, done or not: the next one waits for it.</summary>
        public Task Writing { get; set; } = Task.CompletedTask;

        /// <summary>The rows waiting for the next row group; a new list takes their place.</summary>
        public List<(T Row, long Line)> TakePending()
        {
            var rows = Pending;
            Pending = [];
            return rows;
        }

        /// <summary>Appends <paramref name="rows"/> to the file as one row group (none when empty).</summary>
        public async Task WriteAsync(
            Core.Tables.TableSchema table, List<(T Row, long Line)> rows, Func<IReadOnlyList<(T Row, long Line)>, DateTimeOffset, TableColumns> toColumns,
            DateTimeOffset receivedAt, CancellationToken cancellationToken)
        {
            if (rows.Count == 0)
            {
                return;
            }
            Writer ??= await StagingFileWriter.CreateAsync(table, cancellationToken);
            await Writer.WriteAsync(toColumns(rows, receivedAt), cancellationToken);
        }
    }
}
