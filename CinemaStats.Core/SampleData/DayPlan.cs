namespace CinemaStats.Core.SampleData;

/// <summary>
/// One cinema's business day: its sessions and how many seats each will sell. The sessions file
/// and the POS file of the day are both written from it, so they always agree.
/// </summary>
internal sealed record DayPlan(SampleCinema Cinema, DateOnly BusinessDate, IReadOnlyList<PlannedSession> Sessions);

/// <summary>A session as scheduled. <paramref name="Admissions"/> is the seats its sales will fill, never above capacity.</summary>
internal sealed record PlannedSession(
    string Id,
    SampleScreen Screen,
    SampleFilm Film,
    DateTime ShowLocal,
    DateTimeOffset ShowInstant,
    string Format,
    string Language,
    string PriceGroup,
    bool Cancelled,
    int Admissions)
{
    public bool IsMatinee => ShowLocal.TimeOfDay < TimeSpan.FromHours(17) && ShowLocal.TimeOfDay >= LocalClock.BusinessDayStart;
}
