using System.Text.Json.Serialization;

namespace CinemaStats.Core.Pipeline;

/// <summary>
/// One line of a quarantine file, <c>_pipeline/quarantine/{upload_id}.jsonl</c>: a row of a raw
/// object that could not be used, where it was and why (docs/data-contract.md, "Quarantine reasons").
/// </summary>
/// <param name="Code">The reason's code, which the quality report counts by; null in files written before codes.</param>
public sealed record QuarantinedRow(
    [property: JsonPropertyName("source_object")] string SourceObject,
    [property: JsonPropertyName("line")] long Line,
    [property: JsonPropertyName("field")] string? Field,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("raw")] string Raw,
    [property: JsonPropertyName("code")] string? Code);
