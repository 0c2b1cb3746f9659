namespace CinemaStats.Transform.Pos;

/// <summary>The codes of the POS source that cleaning and the KPIs rely on.</summary>
public static class PosCodes
{
    public const string Ticket = "TICKET";
    public const string Concession = "CONCESSION";
    public const string Fee = "FEE";
    public const string Completed = "COMPLETED";
    public const string Void = "VOID";
    public const string Comp = "COMP";

    public static readonly IReadOnlySet<string> LineTypes = new HashSet<string>(StringComparer.Ordinal) { Ticket, Concession, Fee };

    /// <summary>Flag: a ticket line without session_id; kept, but it cannot be rolled up to a session.</summary>
    public const string SessionIdMissing = "session_id_missing";

    /// <summary>Flag: a local timestamp whose cinema's zone is unknown, read as UTC.</summary>
    public const string TimeZoneUnknown = "time_zone_unknown";

    /// <summary>Flag: a local timestamp in the hour the clocks repeat, read as the second (standard-time) one.</summary>
    public const string AmbiguousTimeResolved = Sessions.SessionFlag.AmbiguousTimeResolved;
}
