namespace CinemaStats.Transform.Sessions;

/// <summary>One session row of a <c>sessions</c> file after parsing and minimal cleaning.</summary>
public sealed record SessionRecord(
    string SessionId,
    string CinemaId,
    string ScreenId,
    string? FilmCode,
    string? FilmTitleRaw,
    DateTime ShowtimeLocal,
    DateTime ShowtimeUtc,
    DateOnly BusinessDate,
    string? Format,
    string? Language,
    string? PriceGroup,
    string Status,
    string CinemaTz,
    string Currency,
    int? Capacity);

/// <summary>A row that could not be used, with where and why.</summary>
public sealed record RejectedRow(long LineNumber, string? Field, string Reason, string RawText);
