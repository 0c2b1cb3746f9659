namespace CinemaStats.Core.Sources;

/// <summary>A raw data source: its name in URLs and keys, and the file formats it accepts.</summary>
/// <param name="Extensions">Accepted file endings, lower case with the dot; each may also arrive with <c>.gz</c>.</param>
public sealed record SourceDefinition(string Name, string Description, IReadOnlyList<string> Extensions, IReadOnlyList<string> ContentTypes)
{
    /// <summary>Whether a JSON file of the source may be one JSON array; else JSON files are JSON Lines, and an array is refused.</summary>
    public bool AcceptsJsonArray { get; init; }
}

/// <summary>The sources of docs/data-contract.md.</summary>
public static class SourceCatalog
{
    public static readonly SourceDefinition Sessions = new(
        "sessions",
        "The screening schedule: one row per session (CSV with ',', ';' or tab).",
        [".csv", ".tsv", ".txt"],
        ["text/csv", "text/tab-separated-values", "text/plain", "application/csv", "application/vnd.ms-excel"]);

    public static readonly SourceDefinition PosTransactions = new(
        "pos_transactions",
        "Ticketing and concession lines (JSON Lines).",
        [".jsonl", ".ndjson", ".json"],
        ["application/x-ndjson", "application/jsonl", "application/json", "text/plain"]);

    public static readonly SourceDefinition Films = new(
        "films",
        "The film catalogue (JSON array, JSON Lines or CSV).",
        [".json", ".jsonl", ".ndjson", ".csv"],
        ["application/json", "application/x-ndjson", "text/csv", "text/plain"])
    {
        AcceptsJsonArray = true,
    };

    public static readonly SourceDefinition Cinemas = new(
        "cinemas",
        "The cinemas reference, optional: one row per cinema with its name and region (CSV).",
        [".csv", ".tsv", ".txt"],
        ["text/csv", "text/tab-separated-values", "text/plain", "application/csv", "application/vnd.ms-excel"]);

    public static IReadOnlyList<SourceDefinition> All { get; } = [Sessions, PosTransactions, Films, Cinemas];

    public static SourceDefinition? Find(string name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal));
}
