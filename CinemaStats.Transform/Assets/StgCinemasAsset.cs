using System.IO.Compression;
using CinemaStats.Core.Layout;
using CinemaStats.Core.Sources;
using CinemaStats.Core.Storage;
using CinemaStats.Core.Tables;
using CinemaStats.Transform.Cinemas;
using CinemaStats.Transform.Engine;
using CinemaStats.Transform.Parsing;

namespace CinemaStats.Transform.Assets;

/// <summary>
/// <c>stg_cinemas</c>: one raw <c>cinemas</c> CSV, read as a stream and cleaned row by row. Reads:
/// raw/cinemas · Partitioned by: raw object · Writes: _pipeline/staging/stg_cinemas/{upload_id}.parquet ·
/// Bad rows: _pipeline/quarantine/{upload_id}.jsonl with line, field and reason; a cinema_id repeated
/// within the file is refused (the first row is kept).
/// </summary>
public sealed class StgCinemasAsset : RawObjectAsset
{
    public override string Name => StgCinemasTable.Schema.Name;

    public override string Source => SourceCatalog.Cinemas.Name;

    public override TableSchema Output => StgCinemasTable.Schema;

    public override async Task<RawObjectResult> MaterializeAsync(RawObjectKey raw, MaterializeContext context, CancellationToken cancellationToken)
    {
        var store = context.Store;
        var head = await store.HeadAsync(raw.ToString(), cancellationToken) ?? throw new ObjectNotFoundException(raw.ToString());
        var cinemas = new List<(CinemaRow Row, long Line)>();
        await using var quarantine = new QuarantineFile(raw);
        var firstRows = new FirstRowPerKey();
        long rowsIn = 0;
        await using (var stored = await store.OpenReadAsync(raw.ToString(), cancellationToken))
        await using (var content = raw.IsGzip ? new GZipStream(stored, CompressionMode.Decompress) : stored)
        {
            foreach (var read in CinemasCsvReader.Read(content, raw.ToString()))
            {
                rowsIn++;
                var refusal = read.Rejected;
                if (read.Row is { } row)
                {
                    var verdict = firstRows.Admit(row.CinemaId, read.RawText, read.Line, out var firstLine);
                    refusal = FirstRowPerKey.Refusal(verdict, read.Line, firstLine, "cinema_id", row.CinemaId, read.RawText);
                }
                if (refusal is null)
                {
                    cinemas.Add((read.Row!, read.Line));
                }
                else
                {
                    quarantine.Add(refusal);
                }
            }
        }

        var key = StgCinemasTable.Key(raw.UploadId);
        var columns = TableColumns.Create(Output, cinemas.Count);
        var (ids, names, regions) = (columns.Get<string?>("cinema_id"), columns.Get<string?>("cinema_name"), columns.Get<string?>("region"));
        var (sources, lines, received) = (columns.Get<string?>("source_object"), columns.Get<long?>("source_line"), columns.Get<DateTime?>("source_received_at"));
        for (var i = 0; i < cinemas.Count; i++)
        {
            var (row, line) = cinemas[i];
            (ids[i], names[i], regions[i]) = (row.CinemaId, row.Name, row.Region);
            (sources[i], lines[i], received[i]) = (raw.ToString(), line, head.LastModified.UtcDateTime);
        }
        await StagingFiles.WriteAsync(store, key, columns, cancellationToken);
        await quarantine.PublishAsync(store, cancellationToken);
        return new RawObjectResult(rowsIn, cinemas.Count, quarantine.Count, [key], []) { QuarantinedByReason = quarantine.ByReason };
    }
}
