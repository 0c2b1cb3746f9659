namespace CinemaStats.Web.Tests.TestData;

/// <summary>One fact_session row of a hand-made data set, with only the columns the KPIs use.</summary>
public sealed record SessionRow(
    string SessionId, string CinemaId, string ScreenId, DateOnly BusinessDate, Film? Film, string DayPart, string Status,
    int? Capacity, long Adm, long PaidAdm, long GboMinor, long ConcessionsMinor)
{
    public const string UnmatchedTitle = "Local Short";

    public string Currency => CinemaData.CurrencyOf(CinemaId);

    public string FilmKey => Film?.Key ?? "unmatched|" + UnmatchedTitle;

    public string FilmTitle => Film?.Title ?? UnmatchedTitle;

    public string Distributor => Film?.Distributor ?? "Unknown";

    public string Genre => Film?.Genre ?? "Unknown";

    public int IsoWeekday => BusinessDate.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)BusinessDate.DayOfWeek;

    /// <summary>The Friday starting the film week (Fri–Thu).</summary>
    public DateOnly FilmWeek => BusinessDate.AddDays(-(((int)BusinessDate.DayOfWeek - (int)DayOfWeek.Friday + 7) % 7));

    /// <summary>Counted in occupancy (docs/data-contract.md): not cancelled and with capacity &gt; 0.</summary>
    public bool CountsForOccupancy => Status != "CANCELLED" && Capacity > 0;
}

public sealed record Film(string Key, string Title, string Distributor, string? Genre, DateOnly ReleaseDate);
