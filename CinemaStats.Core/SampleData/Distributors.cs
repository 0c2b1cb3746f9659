namespace CinemaStats.Core.SampleData;

/// <summary>Distributors by their one clean name, and the other names the same company appears under.</summary>
internal static class Distributors
{
    public static readonly (string Name, string[] Aliases)[] All =
    [
        ("Sony Pictures", ["Sony/Columbia", "Sony/TriStar", "Columbia"]),
        ("Warner Bros.", ["Warner Bros", "Warner Brothers"]),
        ("Universal", ["Universal Pictures"]),
        ("Paramount Pictures", ["Paramount"]),
        ("Walt Disney Pictures", ["Buena Vista", "Disney"]),
        ("20th Century Fox", ["Fox", "Twentieth Century Fox"]),
        ("Lionsgate", ["Lions Gate"]),
        ("StudioCanal", ["Studio Canal"]),
        ("Focus Features", []),
        ("A24", []),
    ];

    public static string[] AliasesOf(string name) =>
        All.FirstOrDefault(d => d.Name == name).Aliases ?? [];
}
