using CinemaStats.Transform.Films;

namespace CinemaStats.Transform.Marts;

/// <summary>One published fact_session row, with what the marts derive from it.</summary>
public sealed record SessionFact(
    string SessionId,
    string CinemaId,
    string ScreenId,
    DateOnly BusinessDate,
    DateTime ShowtimeUtc,
    string? FilmKey,
    string FilmTitle,
    string? Genre,
    string Distributor,
    string DayPart,
    int IsoWeekday,
    DateOnly FilmWeek,
    string CinemaTz,
    string Currency,
    int? Capacity,
    string Status,
    long Adm,
    long PaidAdm,
    long GboMinor,
    long ConcessionsMinor)
{
    public const string UnmatchedPrefix = "unmatched|";

    public bool Cancelled => Status == "CANCELLED";

    /// <summary>Occupancy counts non-cancelled sessions with a capacity above 0 (docs/data-contract.md); a cancelled session keeps its sales.</summary>
    public bool CountsForOccupancy => !Cancelled && Capacity > 0;

    public long OccupancyCapacity => CountsForOccupancy ? Capacity!.Value : 0;

    public long OccupancyAdm => CountsForOccupancy ? Adm : 0;

    /// <summary>
    /// The film a mart groups by: the dim_film key, or <c>unmatched|</c> and the film_title fact_session
    /// shows (the raw title cleaned, format and language tags stripped). The query catalogue builds the
    /// same key in SQL from fact_session, so the rule must stay one that SQL can state.
    /// </summary>
    public string MartFilmKey => FilmKey ?? UnmatchedPrefix + FilmTitle;

    /// <summary>A measure by the name the marts give its column.</summary>
    public long Measure(string column) => column switch
    {
        "sessions" => 1,
        "adm" => Adm,
        "paid_adm" => PaidAdm,
        "gbo_minor" => GboMinor,
        "concessions_minor" => ConcessionsMinor,
        "capacity" => OccupancyCapacity,
        "occupancy_adm" => OccupancyAdm,
        _ => throw new ArgumentException($"'{column}' is not a session measure.", nameof(column)),
    };
}
