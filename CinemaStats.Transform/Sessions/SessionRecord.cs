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
    int? Capacity,
    IReadOnlyList<string> Flags);

/// <summary>
/// The flags a session row is kept with (comma-separated in <c>flags</c>; docs/data-contract.md, "Row flags"):
/// each names something cleaning decided for the row that an analyst may want to find.
/// </summary>
public static class SessionFlag
{
    /// <summary>The showtime falls in the hour the clocks repeat; read as the second (standard-time) one.</summary>
    public const string AmbiguousTimeResolved = "ambiguous_time_resolved";

    /// <summary>Capacity empty or 0: the session counts for no seats in occupancy.</summary>
    public const string CapacityMissing = "capacity_missing";
}

/// <summary>A row that could not be used, with where and why (docs/data-contract.md, "Quarantine reasons").</summary>
/// <param name="Code">The reason's code, which the quality report counts by; see <see cref="ReasonCode"/>.</param>
public sealed record RejectedRow(long LineNumber, string? Field, string Reason, string RawText, string? Code = null)
{
    /// <summary>Code: a copy of an earlier row of the same file.</summary>
    public const string Duplicate = "duplicate";

    /// <summary>Code: an earlier row of the same file has the same key and other values.</summary>
    public const string KeyConflict = "key_conflict";

    /// <summary>Code: a local time that does not exist in the cinema's zone (clocks go forward).</summary>
    public const string DstGap = "dst_gap";

    /// <summary>Code: a line that is not a JSON object.</summary>
    public const string InvalidJson = "invalid_json";

    /// <summary>The code given, else <c>invalid_{field}</c> (lower case, spaces as <c>_</c>), else <c>unreadable_row</c>.</summary>
    public string ReasonCode => Code ?? (Field is null ? "unreadable_row" : $"invalid_{Field.ToLowerInvariant().Replace(' ', '_')}");
}
