using System.Text.Json;
using CinemaStats.Transform.Sessions;

namespace CinemaStats.Transform.Films;

/// <summary>Turns one JSON object of a films file (array element or JSON Lines line) into a <see cref="FilmSourceRow"/>.</summary>
internal static class FilmJsonRecord
{
    public static FilmReadResult From(JsonElement element, long line)
    {
        var raw = element.GetRawText();
        if (element.ValueKind != JsonValueKind.Object)
        {
            return new FilmReadResult(null, new RejectedRow(line, null, $"record is a JSON {element.ValueKind.ToString().ToLowerInvariant()}, not an object", raw));
        }
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        var numeric = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (FilmField.Canonical(property.Name) is not { } field)
            {
                continue;
            }
            switch (property.Value.ValueKind)
            {
                case JsonValueKind.String:
                    values[field] = property.Value.GetString();
                    break;
                case JsonValueKind.Number:
                    values[field] = property.Value.GetRawText();
                    numeric.Add(field);
                    break;
                case JsonValueKind.True or JsonValueKind.False:
                    values[field] = property.Value.GetRawText();
                    break;
                case JsonValueKind.Null:
                    values[field] = null;
                    break;
                default:
                    return new FilmReadResult(null, new RejectedRow(line, field, $"{field} is a JSON {property.Value.ValueKind.ToString().ToLowerInvariant()}; expected a string, a number or null", raw));
            }
        }
        return new FilmReadResult(new FilmSourceRow(line, values, raw) { NumericFields = numeric }, null);
    }
}
