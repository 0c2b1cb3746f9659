using System.IO.Compression;
using System.Text;
using System.Text.Json;
using CinemaStats.Core.Layout;
using CinemaStats.Core.Sources;
using CinemaStats.Core.Storage;
using CinemaStats.Core.Tables;
using CinemaStats.Transform.Engine;
using CinemaStats.Transform.Sessions;

namespace CinemaStats.Transform.Assets;

/// <summary>
/// <c>stg_sessions</c>: one raw <c>sessions</c> file, parsed and split by business date.
/// Reads: raw/sessions · Partitioned by: raw object · Writes: _pipeline/staging/stg_sessions/ ·
/// Bad rows: _pipeline/quarantine/{upload_id}.jsonl with line, field and reason.
/// </summary>
public sealed class StgSessionsAsset : RawObjectAsset
{
    public override string Name => StagingTables.StgSessions.Name;

    public override string Source => SourceCatalog.Sessions.Name;

    public override TableSchema Output => StagingTables.StgSessions;

    public override async Task<RawObjectResult> MaterializeAsync(RawObjectKey raw, MaterializeContext context, CancellationToken cancellationToken)
    {
        var store = context.Store;
        var head = await store.HeadAsync(raw.ToString(), cancellationToken) ?? throw new ObjectNotFoundException(raw.ToString());
        var byDate = new SortedDictionary<DateOnly, List<(SessionRecord Row, long Line)>>();
        var rejected = new List<RejectedRow>();
        long rowsIn = 0;
        await using (var stored = await store.OpenReadAsync(raw.ToString(), cancellationToken))
        await using (var content = raw.IsGzip ? new GZipStream(stored, CompressionMode.Decompress) : stored)
        {
            foreach (var result in SessionsCsvReader.Read(content, raw.ToString()))
            {
                rowsIn++;
                if (result.Record is { } record)
                {
                    if (!byDate.TryGetValue(record.BusinessDate, out var rows))
                    {
                        byDate[record.BusinessDate] = rows = [];
                    }
                    rows.Add((record, result.LineNumber));
                }
                else
                {
                    rejected.Add(result.Rejected!);
                }
            }
        }

        var outputs = new List<string>();
        foreach (var (date, rows) in byDate)
        {
            var key = PipelineKey.Staging(Name, date, raw.UploadId);
            await StagingFiles.WriteAsync(store, key, ToColumns(rows, raw, head.LastModified), cancellationToken);
            outputs.Add(key);
        }
        if (rejected.Count > 0)
        {
            await WriteQuarantineAsync(store, raw, rejected, cancellationToken);
        }
        return new RawObjectResult(rowsIn, byDate.Values.Sum(r => (long)r.Count), rejected.Count, outputs, [.. byDate.Keys]);
    }

    private TableColumns ToColumns(List<(SessionRecord Row, long Line)> rows, RawObjectKey raw, DateTimeOffset receivedAt)
    {
        var c = TableColumns.Create(Output, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var (r, line) = rows[i];
            c.Get<string?>("session_id")[i] = r.SessionId;
            c.Get<string?>("cinema_id")[i] = r.CinemaId;
            c.Get<string?>("screen_id")[i] = r.ScreenId;
            c.Get<string?>("film_code")[i] = r.FilmCode;
            c.Get<string?>("film_title_raw")[i] = r.FilmTitleRaw;
            c.Get<DateTime?>("showtime_local")[i] = r.ShowtimeLocal;
            c.Get<DateTime?>("showtime_utc")[i] = DateTime.SpecifyKind(r.ShowtimeUtc, DateTimeKind.Utc);
            c.Get<string?>("format")[i] = r.Format;
            c.Get<string?>("language")[i] = r.Language;
            c.Get<string?>("price_group")[i] = r.PriceGroup;
            c.Get<string?>("status")[i] = r.Status;
            c.Get<string?>("cinema_tz")[i] = r.CinemaTz;
            c.Get<string?>("currency")[i] = r.Currency;
            c.Get<int?>("capacity")[i] = r.Capacity;
            c.Get<string?>("source_object")[i] = raw.ToString();
            c.Get<long?>("source_line")[i] = line;
            c.Get<DateTime?>("source_received_at")[i] = receivedAt.UtcDateTime;
        }
        return c;
    }

    private static async Task WriteQuarantineAsync(IObjectStore store, RawObjectKey raw, List<RejectedRow> rejected, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        foreach (var row in rejected)
        {
            text.AppendLine(JsonSerializer.Serialize(new QuarantinedRow(raw.ToString(), row.LineNumber, row.Field, row.Reason, row.RawText)));
        }
        await store.PutTextAsync(PipelineKey.Quarantine(raw.UploadId), text.ToString(), "application/x-ndjson", cancellationToken);
    }
}

/// <summary>One line of a quarantine file.</summary>
public sealed record QuarantinedRow(
    [property: System.Text.Json.Serialization.JsonPropertyName("source_object")] string SourceObject,
    [property: System.Text.Json.Serialization.JsonPropertyName("line")] long Line,
    [property: System.Text.Json.Serialization.JsonPropertyName("field")] string? Field,
    [property: System.Text.Json.Serialization.JsonPropertyName("reason")] string Reason,
    [property: System.Text.Json.Serialization.JsonPropertyName("raw")] string Raw);
