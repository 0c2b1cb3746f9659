using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CinemaStats.Core.Layout;
using CinemaStats.Core.Storage;
using CinemaStats.Core.Tables;
using CinemaStats.Core.Pipeline;

namespace CinemaStats.Transform.Sessions;

/// <summary>
/// Turns one raw <c>sessions</c> object into <c>fact_session</c> Parquet, one file per business
/// date, named from the input so that processing it again overwrites rather than duplicates.
/// Rejected rows go to <c>_pipeline/quarantine/</c> with their line and reason.
/// </summary>
public sealed class FactSessionMaterializer(IObjectStore store, TimeProvider clock)
{
    private static readonly TableSchema Table = CuratedTables.FactSession;

    public async Task<RawObjectStatus> MaterializeAsync(RawObjectKey raw, CancellationToken cancellationToken)
    {
        var byDate = new SortedDictionary<DateOnly, List<SessionRecord>>();
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
                    rows.Add(record);
                }
                else
                {
                    rejected.Add(result.Rejected!);
                }
            }
        }

        var inputHash = InputHash(raw);
        var outputs = new List<string>();
        foreach (var (date, rows) in byDate)
        {
            var key = CuratedPartitionKey.Part(Table.Name, date, inputHash);
            await WritePartAsync(key, rows, raw, cancellationToken);
            outputs.Add(key);
        }
        if (rejected.Count > 0)
        {
            await WriteQuarantineAsync(raw, rejected, cancellationToken);
        }

        var rowsOut = byDate.Values.Sum(r => (long)r.Count);
        return new RawObjectStatus(raw.ToString(), RawObjectStatus.Processed, rowsIn, rowsOut, rejected.Count, outputs, null, clock.GetUtcNow());
    }

    /// <summary>The name part of every output of <paramref name="raw"/>: the same input always gives the same names.</summary>
    public static string InputHash(RawObjectKey raw) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(raw.ToString())))[..16];

    private async Task WritePartAsync(string key, List<SessionRecord> rows, RawObjectKey raw, CancellationToken cancellationToken)
    {
        var columns = TableColumns.Create(Table, rows.Count);
        var sessionId = columns.Get<string?>("session_id");
        var cinemaId = columns.Get<string?>("cinema_id");
        var screenId = columns.Get<string?>("screen_id");
        var filmCode = columns.Get<string?>("film_code");
        var title = columns.Get<string?>("film_title_raw");
        var local = columns.Get<DateTime?>("showtime_local");
        var utc = columns.Get<DateTime?>("showtime_utc");
        var format = columns.Get<string?>("format");
        var language = columns.Get<string?>("language");
        var priceGroup = columns.Get<string?>("price_group");
        var status = columns.Get<string?>("status");
        var tz = columns.Get<string?>("cinema_tz");
        var currency = columns.Get<string?>("currency");
        var capacity = columns.Get<int?>("capacity");
        var adm = columns.Get<long?>("adm");
        var paidAdm = columns.Get<long?>("paid_adm");
        var gbo = columns.Get<long?>("gbo_minor");
        var concessions = columns.Get<long?>("concessions_minor");
        var source = columns.Get<string?>("source_object");
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            sessionId[i] = r.SessionId;
            cinemaId[i] = r.CinemaId;
            screenId[i] = r.ScreenId;
            filmCode[i] = r.FilmCode;
            title[i] = r.FilmTitleRaw;
            local[i] = r.ShowtimeLocal;
            utc[i] = DateTime.SpecifyKind(r.ShowtimeUtc, DateTimeKind.Utc);
            format[i] = r.Format;
            language[i] = r.Language;
            priceGroup[i] = r.PriceGroup;
            status[i] = r.Status;
            tz[i] = r.CinemaTz;
            currency[i] = r.Currency;
            capacity[i] = r.Capacity;
            // Sales are rolled up from POS lines by a later asset; a session without them has sold nothing yet.
            adm[i] = 0;
            paidAdm[i] = 0;
            gbo[i] = 0;
            concessions[i] = 0;
            source[i] = raw.ToString();
        }

        // Parquet needs a seekable stream: write a local file, then stream it to the store.
        var temp = Path.GetTempFileName();
        try
        {
            await using (var file = File.Create(temp))
            await using (var writer = await ParquetTableWriter.CreateAsync(Table, file, cancellationToken))
            {
                await writer.WriteRowGroupAsync(columns, cancellationToken);
            }
            await using var upload = File.OpenRead(temp);
            await store.PutAsync(key, upload, new ObjectWriteOptions { ContentType = "application/vnd.apache.parquet" }, cancellationToken);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private async Task WriteQuarantineAsync(RawObjectKey raw, List<RejectedRow> rejected, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        foreach (var row in rejected)
        {
            text.AppendLine(JsonSerializer.Serialize(new { source_object = raw.ToString(), line = row.LineNumber, field = row.Field, reason = row.Reason, raw = row.RawText }));
        }
        await store.PutTextAsync(PipelineKey.Quarantine(raw), text.ToString(), "application/x-ndjson", cancellationToken);
    }
}
