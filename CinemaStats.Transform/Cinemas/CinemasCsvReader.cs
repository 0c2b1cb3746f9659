using CinemaStats.Transform.Sessions;
using nietras.SeparatedValues;

namespace CinemaStats.Transform.Cinemas;

/// <summary>
/// Streams a cinemas reference CSV (separator detected from the header, quoted fields, cells
/// trimmed). The header names the columns, in any order, with common aliases
/// (<see cref="Aliases"/>); <c>cinema_id</c> and <c>name</c> are required, <c>region</c> is optional,
/// other columns are ignored. A row without an id or a name, with a control character, with a value
/// longer than its limit, or with more cells than the header is refused with the field and reason.
/// </summary>
public static class CinemasCsvReader
{
    public const int MaxIdLength = 64;
    public const int MaxNameLength = 120;
    public const int MaxRegionLength = 80;

    /// <summary>Header names accepted for each field, compared lower case without spaces, dashes or underscores.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Aliases = new Dictionary<string, string[]>
    {
        ["cinema_id"] = ["cinemaid", "cinema", "cinemacode", "siteid", "site", "code", "id"],
        ["name"] = ["name", "cinemaname", "sitename"],
        ["region"] = ["region", "territory", "area"],
    };

    public static IEnumerable<CinemaReadResult> Read(Stream content, string sourceName)
    {
        using var reader = Sep.Reader(o => o with { Unescape = true, Trim = SepTrim.All, DisableColCountCheck = true }).From(content);
        var names = reader.Header.ColNames;
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            var normalized = new string([.. names[i].TrimStart('\uFEFF').ToLowerInvariant().Where(char.IsLetterOrDigit)]);
            if (Aliases.FirstOrDefault(a => a.Value.Contains(normalized)).Key is { } field)
            {
                columns.TryAdd(field, i);
            }
        }
        var missing = new[] { "cinema_id", "name" }.Where(f => !columns.ContainsKey(f)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException(
                $"{sourceName}: the header has no {string.Join(" or ", missing)} column (found: {string.Join(", ", names)}). "
                + "A cinemas file needs cinema_id and name columns; region is optional.");
        }
        foreach (var row in reader)
        {
            var line = (long)row.LineNumberFrom;
            var text = row.Span.ToString();
            if (row.ColCount > names.Count)
            {
                yield return Refused(line, text, null, $"{row.ColCount} cells under a header of {names.Count}; an unquoted separator?");
                continue;
            }
            var cells = new string?[3];
            foreach (var (field, slot) in new[] { ("cinema_id", 0), ("name", 1), ("region", 2) })
            {
                cells[slot] = columns.TryGetValue(field, out var index) && index < row.ColCount && row[index].Span.Length > 0 ? row[index].ToString() : null;
            }
            var (id, name, region) = (cells[0], cells[1], cells[2]);
            var problem = Check("cinema_id", id, MaxIdLength, required: true)
                ?? Check("name", name, MaxNameLength, required: true)
                ?? Check("region", region, MaxRegionLength, required: false);
            yield return problem is { } p
                ? Refused(line, text, p.Field, p.Reason)
                : new CinemaReadResult(new CinemaRow(id!, name!, region), null, line, text);
        }
    }

    private static (string Field, string Reason)? Check(string field, string? value, int maxLength, bool required) => value switch
    {
        null when required => (field, $"{field} is empty; every cinema needs one"),
        null => null,
        { Length: var n } when n > maxLength => (field, $"{field} is {n} characters long; at most {maxLength} are kept"),
        _ when value.Any(char.IsControl) => (field, $"{field} holds a control character"),
        _ => null,
    };

    private static CinemaReadResult Refused(long line, string text, string? field, string reason) =>
        new(null, new RejectedRow(line, field, reason, text), line, text);
}
