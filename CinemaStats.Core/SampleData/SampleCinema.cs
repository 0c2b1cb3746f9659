namespace CinemaStats.Core.SampleData;

/// <summary>A generated cinema: where it is, what it charges in, and its screens, biggest first.</summary>
internal sealed record SampleCinema(
    string Id,
    string City,
    TimeZoneInfo TimeZone,
    string TimeZoneId,
    PriceList Prices,
    bool SpeaksEnglish,
    IReadOnlyList<SampleScreen> Screens);

/// <summary>One auditorium. <paramref name="Format"/> is IMAX for an IMAX screen, else 2D (3D shows are per session).</summary>
internal sealed record SampleScreen(string Id, int Capacity, string Format);
