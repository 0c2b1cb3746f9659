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

    /// <summary>How many rows are held before they are written; see <see cref="StagingChunking"/>.</summary>
    public StagingChunking Chunking { get; init; } = StagingChunking.Default;

    public override async Task<RawObjectResult> MaterializeAsync(RawObjectKey raw, MaterializeContext context, CancellationToken cancellationToken)
    {
        return await StagingByDate.StageAsync<SessionRecord>(this, raw, context, Chunking,
            content => SessionsCsvReader.Read(content, raw.ToString()).Select(r => new ParsedRow<SessionRecord>(r.Record, r.Rejected, r.LineNumber)),
            row => row.BusinessDate,
            (rows, receivedAt) => ToColumns(rows, raw, receivedAt),
            row => row.Flags,
            cancellationToken);
    }

    private TableColumns ToColumns(IReadOnlyList<(SessionRecord Row, long Line)> rows, RawObjectKey raw, DateTimeOffset receivedAt)
    {
        var c = TableColumns.Create(Output, rows.Count);
        var sessionId = c.Get<string?>("session_id");
        var cinemaId = c.Get<string?>("cinema_id");
        var screenId = c.Get<string?>("screen_id");
        var filmCode = c.Get<string?>("film_code");
        var filmTitleRaw = c.Get<string?>("film_title_raw");
        var showtimeLocal = c.Get<DateTime?>("showtime_local");
        var showtimeUtc = c.Get<DateTime?>("showtime_utc");
        var format = c.Get<string?>("format");
        var language = c.Get<string?>("language");
        var priceGroup = c.Get<string?>("price_group");
        var status = c.Get<string?>("status");
        var cinemaTz = c.Get<string?>("cinema_tz");
        var currency = c.Get<string?>("currency");
        var capacity = c.Get<int?>("capacity");
        var flags = c.Get<string?>("flags");
        var sourceObject = c.Get<string?>("source_object");
        var sourceLine = c.Get<long?>("source_line");
        var sourceReceivedAt = c.Get<DateTime?>("source_received_at");
        var (source, received) = (raw.ToString(), receivedAt.UtcDateTime);
        for (var i = 0; i < rows.Count; i++)
        {
            var (r, line) = rows[i];
            sessionId[i] = r.SessionId;
            cinemaId[i] = r.CinemaId;
            screenId[i] = r.ScreenId;
            filmCode[i] = r.FilmCode;
            filmTitleRaw[i] = r.FilmTitleRaw;
            showtimeLocal[i] = r.ShowtimeLocal;
            showtimeUtc[i] = DateTime.SpecifyKind(r.ShowtimeUtc, DateTimeKind.Utc);
            format[i] = r.Format;
            language[i] = r.Language;
            priceGroup[i] = r.PriceGroup;
            status[i] = r.Status;
            cinemaTz[i] = r.CinemaTz;
            currency[i] = r.Currency;
            capacity[i] = r.Capacity;
            flags[i] = r.Flags.Count == 0 ? null : string.Join(',', r.Flags);
            sourceObject[i] = source;
            sourceLine[i] = line;
            sourceReceivedAt[i] = received;
        }
        return c;
    }
}
