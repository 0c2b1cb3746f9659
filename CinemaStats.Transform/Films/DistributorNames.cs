namespace CinemaStats.Transform.Films;

/// <summary>
/// The one place distributors are mapped to their parent company, for distributor share: each
/// name below, compared ignoring case, punctuation and spaces, becomes its parent. Names not
/// listed are kept as written; no name at all is <see cref="Unknown"/>. The first name of each
/// list is the company's own trading name: mapping it is not flagged as an alias.
/// </summary>
public static class DistributorNames
{
    public const string Unknown = "Unknown";

    private static readonly (string Parent, string[] Names)[] Parents =
    [
        ("Sony", ["Sony Pictures", "Sony", "Sony Pictures Releasing", "Sony/Columbia", "Sony/TriStar", "Columbia", "Columbia Pictures", "TriStar", "Sony Pictures Classics", "Screen Gems"]),
        ("Warner Bros.", ["Warner Bros.", "Warner Bros", "Warner Brothers", "Warner Independent", "New Line"]),
        ("Universal", ["Universal", "Universal Pictures"]),
        ("Paramount Pictures", ["Paramount Pictures", "Paramount", "Paramount Vantage"]),
        ("Walt Disney Pictures", ["Walt Disney Pictures", "Disney", "Walt Disney", "Buena Vista", "Buena Vista Pictures"]),
        ("20th Century Fox", ["20th Century Fox", "Fox", "Twentieth Century Fox", "Fox Searchlight"]),
        ("Lionsgate", ["Lionsgate", "Lions Gate"]),
        ("StudioCanal", ["StudioCanal", "Studio Canal"]),
    ];

    private static readonly string[] NoName = ["", "unknown", "na", "none", "null"];

    /// <summary>Spelled exactly so, a name is not an alias (<c>Lions Gate</c> and <c>Warner Bros</c> are).</summary>
    private static readonly HashSet<string> TradingNames = Parents.SelectMany(p => new[] { p.Parent, p.Names[0] }).ToHashSet(StringComparer.Ordinal);

    private static readonly Dictionary<string, string> ParentByName = Parents
        .SelectMany(p => p.Names.Select(n => (Key: Key(n), p.Parent)))
        .DistinctBy(x => x.Key)
        .ToDictionary(x => x.Key, x => x.Parent, StringComparer.Ordinal);

    /// <summary>The parent company, and whether the name written was another name of it.</summary>
    public static (string Parent, string? Flag) Map(string? raw)
    {
        var key = Key(raw ?? "");
        if (NoName.Contains(key))
        {
            return (Unknown, CleaningFlag.DistributorUnknown);
        }
        if (ParentByName.TryGetValue(key, out var parent))
        {
            return (parent, TradingNames.Contains(raw!.Trim()) ? null : CleaningFlag.DistributorAlias);
        }
        return (raw!.Trim(), null);
    }

    private static string Key(string name) => new(name.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());
}
