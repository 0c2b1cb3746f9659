using System.IO.Compression;
using System.Text;
using System.Text.Json;
using CinemaStats.Core.Layout;
using CinemaStats.Core.Sources;
using CinemaStats.Core.Storage;
using CinemaStats.Core.Tables;
using CinemaStats.Transform.Engine;
using CinemaStats.Transform.Films;
using CinemaStats.Transform.Parsing;
using CinemaStats.Transform.Sessions;

namespace CinemaStats.Transform.Assets;

/// <summary>
/// <c>stg_films</c>: one raw <c>films</c> file (JSON array, JSON Lines or CSV), read as a stream
/// and cleaned row by row. Reads: raw/films · Partitioned by: raw object · Writes:
/// _pipeline/staging/stg_films/{upload_id}.parquet · Bad rows: _pipeline/quarantine/{upload_id}.jsonl
/// with line, field and reason · Every row's cleaning is named in cleaning_flags.
/// </summary>
public sealed class StgFilmsAsset : RawObjectAsset
{
    public override string Name => StgFilmsTable.Schema.Name;

    public override string Source => SourceCatalog.Films.Name;

    public override TableSchema Output => StgFilmsTable.Schema;

    public override async Task<RawObjectResult> MaterializeAsync(RawObjectKey raw, MaterializeContext context, CancellationToken cancellationToken)
    {
        var store = context.Store;
        var head = await store.HeadAsync(raw.ToString(), cancellationToken) ?? throw new ObjectNotFoundException(raw.ToString());
        var cleaner = new FilmCleaner(DateOnly.FromDateTime(context.Clock.GetUtcNow().UtcDateTime));
        var films = new List<(CleanFilm Film, long Line)>();
        await using var quarantine = new QuarantineFile(raw);
        var firstRows = new FirstRowPerKey();
        var flagged = new Dictionary<string, long>(StringComparer.Ordinal);
        long rowsIn = 0;
        await using (var stored = await store.OpenReadAsync(raw.ToString(), cancellationToken))
        await using (var content = raw.IsGzip ? new GZipStream(stored, CompressionMode.Decompress) : stored)
        {
            await foreach (var read in FilmsFileReader.ReadAsync(content, raw.Extension, raw.ToString(), cancellationToken))
            {
                rowsIn++;
                var (film, reason) = read.Row is { } row ? cleaner.Clean(row) : (null, read.Rejected);
                if (film is not null)
                {
                    // The key is the cleaned film_key: `Secret, The` and `The Secret` of one date are one film.
                    var verdict = firstRows.Admit(film.FilmKey, read.Row!.RawText, read.Line, out var firstLine);
                    reason = FirstRowPerKey.Refusal(verdict, read.Line, firstLine, "film_key", film.FilmKey, read.Row.RawText);
                }
                if (reason is null)
                {
                    films.Add((film!, read.Line));
                    foreach (var flag in film!.Flags)
                    {
                        flagged[flag] = flagged.GetValueOrDefault(flag) + 1;
                    }
                }
                else
                {
                    quarantine.Add(reason);
                }
            }
        }

        var key = StgFilmsTable.Key(raw.UploadId);
        var columns = TableColumns.Create(Output, films.Count);
        for (var i = 0; i < films.Count; i++)
        {
            FilmColumns.Set(columns, i, films[i].Film, raw.ToString());
            columns.Get<long?>("source_line")[i] = films[i].Line;
            columns.Get<DateTime?>("source_received_at")[i] = head.LastModified.UtcDateTime;
        }
        await StagingFiles.WriteAsync(store, key, columns, cancellationToken);
        await quarantine.PublishAsync(store, cancellationToken);
        return new RawObjectResult(rowsIn, films.Count, quarantine.Count, [key], [])
        {
            QuarantinedByReason = quarantine.ByReason,
            FlaggedByFlag = flagged,
        };
    }
}
