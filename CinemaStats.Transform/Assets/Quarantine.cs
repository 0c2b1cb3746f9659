using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CinemaStats.Core.Layout;
using CinemaStats.Core.Storage;
using CinemaStats.Transform.Sessions;

namespace CinemaStats.Transform.Assets;

/// <summary>One line of a quarantine file.</summary>
public sealed record QuarantinedRow(
    [property: JsonPropertyName("source_object")] string SourceObject,
    [property: JsonPropertyName("line")] long Line,
    [property: JsonPropertyName("field")] string? Field,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("raw")] string Raw);

/// <summary>Writes the rows of a raw object that could not be used to <c>_pipeline/quarantine/{upload_id}.jsonl</c>.</summary>
public static class Quarantine
{
    public static async Task WriteAsync(IObjectStore store, RawObjectKey raw, IReadOnlyCollection<RejectedRow> rejected, CancellationToken cancellationToken)
    {
        if (rejected.Count == 0)
        {
            return;
        }
        var text = new StringBuilder();
        foreach (var row in rejected)
        {
            text.AppendLine(JsonSerializer.Serialize(new QuarantinedRow(raw.ToString(), row.LineNumber, row.Field, row.Reason, row.RawText)));
        }
        await store.PutTextAsync(PipelineKey.Quarantine(raw.UploadId), text.ToString(), "application/x-ndjson", cancellationToken);
    }
}
