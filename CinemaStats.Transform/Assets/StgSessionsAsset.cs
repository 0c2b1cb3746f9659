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
            observe: null,
            cancellationToken);
    }

    private TableColumns ToColumns(IReadOnlyList<(SessionRecord Row, long Line)> rows, RawObjectKey raw, DateTimeOffset receivedAt)
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
}
