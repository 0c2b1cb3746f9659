namespace CinemaStats.Web.Tests.TestData;

/// <summary>
/// A small hand-made data set with what makes KPIs go wrong: two currencies, a cancelled session
/// that still sold tickets, a screen of capacity 0 and one without a capacity, a film that matched
/// nothing (and so has no genre and an Unknown distributor), a session without admissions, quotes
/// in names, and two film weeks. The first session is the worked example of docs/data-contract.md.
/// </summary>
public static class CinemaData
{
    public static readonly DateOnly Friday = new(2024, 3, 1);

    public static readonly Film Avatar = new("avatar|2009-12-18", "Avatar", "Fox", "Action", new(2009, 12, 18));
    /// <summary>Released on the data's first Friday: its opening weekend (Fri–Sun) is in the data, in both currencies.</summary>
    public static readonly Film Up = new("up|2024-03-01", "Up", "Disney", "Adventure", new(2024, 3, 1));
    public static readonly Film DadsArmy = new("dad's army|1971-03-12", "Dad's Army", "Columbia's", "Comedy", new(1971, 3, 12));

    public static IReadOnlyList<Film> Films { get; } = [Avatar, Up, DadsArmy];

    public static string CurrencyOf(string cinemaId) => cinemaId == "PAR" ? "EUR" : "GBP";

    public static IReadOnlyList<SessionRow> Sessions { get; } =
    [
        // Worked example: capacity 100; 30 ADULT at 10.00, one refunded; 2 COMP → adm 31, paid 29, GBO 290.00.
        new("s01", "LON", "S1", Friday, Avatar, "evening", "OPEN", 100, 31, 29, 29_000, 5_000),
        new("s02", "LON", "S1", Friday, Up, "matinee", "OPEN", 100, 10, 8, 7_000, 1_500),
        new("s03", "LON", "S2", Friday, Avatar, "late", "OPEN", 0, 5, 5, 5_000, 0),
        new("s04", "LON", "S1", Friday.AddDays(1), Avatar, "evening", "CANCELLED", 100, 3, 3, 3_000, 0),
        new("s05", "PAR", "P1", Friday, Avatar, "evening", "OPEN", 50, 20, 18, 18_000, 2_400),
        new("s06", "PAR", "P1", Friday.AddDays(1), null, "matinee", "OPEN", 50, 0, 0, 0, 0),
        new("s07", "PAR", "P1", Friday.AddDays(2), Up, "late", "OPEN", 50, 25, 25, 30_000, 3_000),
        new("s08", "MAN", "A", Friday.AddDays(1), Avatar, "evening", "OPEN", null, 12, 12, 9_600, 800),
        new("s09", "MAN", "A", Friday.AddDays(2), null, "matinee", "OPEN", null, 4, 4, 2_000, 0),
        new("s10", "LON", "S1", Friday.AddDays(7), Avatar, "evening", "OPEN", 100, 40, 38, 38_000, 6_000),
        new("s11", "LON", "S1", Friday.AddDays(7), Up, "matinee", "OPEN", 100, 15, 15, 15_000, 2_000),
        new("s12", "PAR", "P1", Friday.AddDays(7), DadsArmy, "evening", "OPEN", 50, 30, 30, 24_000, 1_000),
    ];
}
