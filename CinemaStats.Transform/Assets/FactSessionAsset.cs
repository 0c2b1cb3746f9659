using CinemaStats.Core.Storage;
using CinemaStats.Core.Layout;
using CinemaStats.Core.Pipeline;
using CinemaStats.Core.Tables;
using CinemaStats.Transform.Engine;
using CinemaStats.Transform.Films;
using CinemaStats.Transform.Pos;
using CinemaStats.Transform.Sessions;

namespace CinemaStats.Transform.Assets;

/// <summary>
/// <c>fact_session</c>: one row per session and business date, from every staged sessions file
/// of that date. Reads: stg_sessions · Partitioned by: business date · Writes:
/// curated/fact_session/business_date=…/ · De-duplication: when files repeat a session_id, the
/// row of the most recently received file wins (then the later line) · Sales roll-up from the
/// published fact_ticket_line of the same date, by session_id (docs/data-contract.md KPIs): adm = Σ ticket
/// quantity (refunds negative, VOID left out, comps in), paid_adm = adm without COMP,
/// gbo_minor = Σ ticket amount_minor (net of refunds, without fees), concessions_minor = Σ
/// concession amount_minor. Amounts in another currency than the session's are not added (logged).
/// Film: the raw title is matched against the published dim_film (<see cref="SessionFilms"/>); a new
/// catalogue rebuilds only the dates whose titles it matches differently (<see cref="RefineInputsAsync"/>). Calendar: day_part of the local
/// showtime (a show before the 06:00 cut-off is late), iso_weekday and film_week of business_date.
/// </summary>
public sealed class FactSessionAsset : PartitionedAsset
{
    public override string Name => CuratedTables.FactSession.Name;

    public override IReadOnlyList<string> Upstream => [StagingTables.StgSessions.Name, CuratedTables.FactTicketLine.Name, CuratedTables.DimFilm.Name];

    public override TableSchema Output => CuratedTables.FactSession;

    /// <summary>2: sales rolled up from fact_ticket_line. 3: titles matched to dim_film; shows after midnight are late.</summary>
    public override string CodeVersion => "3";

    /// <summary>The columns of fact_ticket_line the sales roll-up reads: the others are not read from the file at all.</summary>
    private static readonly TableSchema SalesColumns = CuratedTables.FactTicketLine with
    {
        Columns = [.. new[] { "session_id", "line_type", "quantity", "amount_minor", "currency", "is_void", "is_comp" }.Select(CuratedTables.FactTicketLine.Column)],
    };

    public override IReadOnlyList<AssetCheck> Checks { get; } =
    [
        new("session_id_unique", CheckSeverity.Block, "Each session appears once per business date.",
            rows => Duplicates(rows.Get<string?>("session_id")) is var n && n == 0
                ? CheckVerdict.Pass("no duplicate session_id")
                : CheckVerdict.Fail($"{n} duplicate session_id values")),
        new("capacity_in_range", CheckSeverity.Warn, "Capacity is between 1 and 2000 seats where given.",
            rows => rows.Get<int?>("capacity").Count(c => c is < 1 or > 2000) is var n && n == 0
                ? CheckVerdict.Pass("all capacities within 1..2000")
                : CheckVerdict.Fail($"{n} sessions with capacity outside 1..2000")),
        new("has_rows", CheckSeverity.Warn, "The partition is not empty.",
            rows => rows.RowCount > 0 ? CheckVerdict.Pass($"{rows.RowCount} rows") : CheckVerdict.Fail("no rows")),
    ];

    /// <summary>The columns of stg_sessions the film matches depend on.</summary>
    private static readonly TableSchema TitleColumns = StagingTables.StgSessions with
    {
        Columns = [StagingTables.StgSessions.Column("film_title_raw")],
    };

    private readonly FilmCatalogueCache _films = new();

    /// <summary>
    /// A new film catalogue changes a date only where it changes what the date's own titles match:
    /// the catalogue's version is replaced by a hash of those matches, so the other dates stay as they are.
    /// </summary>
    public override async Task<PartitionInputs> RefineInputsAsync(DateOnly businessDate, PartitionInputs inputs, MaterializeContext context, CancellationToken cancellationToken)
    {
        var catalogue = inputs.Of(CuratedTables.DimFilm.Name);
        if (catalogue.Count == 0)
        {
            return inputs;
        }
        var titles = new HashSet<string?>(StringComparer.Ordinal);
        foreach (var staged in inputs.Of(StagingTables.StgSessions.Name))
        {
            await foreach (var rows in StagingFiles.ReadAsync(context.Store, staged.Key, TitleColumns, cancellationToken))
            {
                titles.UnionWith(rows.Get<string?>("film_title_raw"));
            }
        }
        var films = await _films.GetAsync(context.Store, catalogue, cancellationToken);
        var matches = films.MatchesFingerprint(titles, businessDate);
        return inputs.With(CuratedTables.DimFilm.Name, [new InputVersion($"{CuratedTables.DimFilm.Name}: matches of the titles of {businessDate:yyyy-MM-dd}", matches)]);
    }

    public override async Task<DailyResult> BuildAsync(DateOnly businessDate, PartitionInputs inputs, MaterializeContext context, CancellationToken cancellationToken)
    {
        var staged = StagingTables.StgSessions;
        var (ordered, rowsIn, superseded) = await LatestStagedRows.ReadAsync(context.Store, inputs.Of(staged.Name), staged, "session_id", cancellationToken);
        await superseded.WriteAsync(context.Store, Name, context.Partition, cancellationToken);
        var output = TableColumns.Gather(Output, ordered);
        // Staged rows carry no sales: they are rolled up from POS lines.
        foreach (var sales in new[] { "adm", "paid_adm", "gbo_minor", "concessions_minor" })
        {
            Array.Fill((long?[])output[sales], 0L);
        }
        FillCalendar(output, businessDate);
        (await _films.GetAsync(context.Store, inputs.Of(CuratedTables.DimFilm.Name), cancellationToken)).Fill(output, businessDate);
        await RollUpSalesAsync(output, inputs.Of(CuratedTables.FactTicketLine.Name), context, cancellationToken);
        var dropped = rowsIn - ordered.Count;
        return new DailyResult(output, rowsIn, dropped, "superseded: a later received file sent the session_id again (the most recently received row wins)");
    }

    /// <summary>Day-part, weekday and film week of each session.</summary>
    private static void FillCalendar(TableColumns output, DateOnly businessDate)
    {
        var showtimes = output.Get<DateTime?>("showtime_local");
        var dayParts = output.Get<string?>("day_part");
        var weekdays = output.Get<int?>("iso_weekday");
        var weeks = output.Get<DateOnly?>("film_week");
        var iso = PartitionCalendar.IsoWeekday(businessDate);
        var week = PartitionCalendar.FilmWeekOf(businessDate);
        for (var i = 0; i < output.RowCount; i++)
        {
            dayParts[i] = DayPart(showtimes[i]!.Value.TimeOfDay);
            weekdays[i] = iso;
            weeks[i] = week;
        }
    }

    /// <summary>The day-parts of docs/data-contract.md of the local showtime; a show after midnight, before the business day's 06:00 cut-off, ends the day as a late show.</summary>
    public static string DayPart(TimeSpan localTime) =>
        localTime < SessionsCsvReader.BusinessDayCutOff || localTime >= TimeSpan.FromHours(21) ? "late"
        : localTime < TimeSpan.FromHours(17) ? "matinee"
        : "evening";

    /// <summary>Adds each session's non-void ticket and concession lines to its sales columns.</summary>
    private static async Task RollUpSalesAsync(TableColumns sessions, IEnumerable<InputVersion> ticketLines, MaterializeContext context, CancellationToken cancellationToken)
    {
        var ids = sessions.Get<string?>("session_id");
        var currencies = sessions.Get<string?>("currency");
        var adm = sessions.Get<long?>("adm");
        var paid = sessions.Get<long?>("paid_adm");
        var gbo = sessions.Get<long?>("gbo_minor");
        var concessions = sessions.Get<long?>("concessions_minor");
        if (sessions.RowCount == 0)
        {
            // Nothing to add to: the date's ticket lines are not read at all.
            if (ticketLines.Any())
            {
                context.Log.Info($"{CuratedTables.FactSession.Name} {context.Partition}: no session is scheduled on this date; its ticket and concession lines are not rolled up");
            }
            return;
        }
        var row = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < sessions.RowCount; i++)
        {
            row[ids[i]!] = i;
            (adm[i], paid[i], gbo[i], concessions[i]) = (0L, 0L, 0L, 0L);
        }

        long otherCurrency = 0, unknownSession = 0;
        foreach (var input in ticketLines)
        {
            await foreach (var lines in StagingFiles.ReadAsync(context.Store, input.Key, SalesColumns, cancellationToken))
            {
                var sessionIds = lines.Get<string?>("session_id");
                var types = lines.Get<string?>("line_type");
                var quantities = lines.Get<int?>("quantity");
                var amounts = lines.Get<long?>("amount_minor");
                var lineCurrencies = lines.Get<string?>("currency");
                var voids = lines.Get<bool?>("is_void");
                var comps = lines.Get<bool?>("is_comp");
                for (var j = 0; j < lines.RowCount; j++)
                {
                    if (voids[j] is true || types[j] is not (PosCodes.Ticket or PosCodes.Concession) || sessionIds[j] is not { } sessionId)
                    {
                        continue;
                    }
                    if (!row.TryGetValue(sessionId, out var i))
                    {
                        unknownSession++;
                        continue;
                    }
                    var sameCurrency = lineCurrencies[j] == currencies[i];
                    otherCurrency += sameCurrency ? 0 : 1;
                    if (types[j] == PosCodes.Ticket)
                    {
                        adm[i] += quantities[j]!.Value;
                        paid[i] += comps[j] is true ? 0 : quantities[j]!.Value;
                        gbo[i] += sameCurrency ? amounts[j]!.Value : 0;
                    }
                    else
                    {
                        concessions[i] += sameCurrency ? amounts[j]!.Value : 0;
                    }
                }
            }
        }
        if (otherCurrency > 0)
        {
            context.Log.Warn($"{CuratedTables.FactSession.Name} {context.Partition}: {otherCurrency} lines in another currency than their session's were not added to its amounts");
        }
        if (unknownSession > 0)
        {
            context.Log.Info($"{CuratedTables.FactSession.Name} {context.Partition}: {unknownSession} ticket and concession lines name a session not scheduled on this date");
        }
    }

    private static int Duplicates(string?[] values) => values.Length - values.Distinct(StringComparer.Ordinal).Count();
}
