using CinemaStats.Transform.Parsing;
using CinemaStats.Transform.Sessions;
using nietras.SeparatedValues;

namespace CinemaStats.Transform.Films;

/// <summary>
/// Streams a CSV films file (separator detected from the header, quoted fields). An empty
/// cell is null; a row with more cells than the header is rejected, since its values can no
/// longer be trusted to sit under the right column.
/// </summary>
public static class FilmsCsvReader
{
    public static IEnumerable<FilmReadResult> Read(Stream content, string sourceName)
    {
        using var reader = Sep.Reader(o => o with { Unescape = true, Trim = SepTrim.All, DisableColCountCheck = true }).From(content);
        var names = reader.Header.ColNames;
        var decimalComma = DelimitedNumber.UsesDecimalComma(reader.Spec.Sep.Separator);
        var columns = new List<(string Field, int Index)>();
        for (var i = 0; i < names.Count; i++)
        {
            if (FilmField.Canonical(names[i]) is { } field && columns.All(c => c.Field != field))
            {
                columns.Add((field, i));
            }
        }
        if (columns.All(c => c.Field != FilmField.Title))
        {
            throw new InvalidDataException($"{sourceName}: the header has no Title column (found: {string.Join(", ", names)}).");
        }
        foreach (var row in reader)
        {
            var line = (long)row.LineNumberFrom;
            if (row.ColCount > names.Count)
            {
                yield return new FilmReadResult(null, new RejectedRow(line, null, $"{row.ColCount} cells under a header of {names.Count}; an unquoted separator?", row.Span.ToString()));
                continue;
            }
            var values = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var (field, index) in columns)
            {
                values[field] = index < row.ColCount && row[index].Span.Length > 0 ? row[index].ToString() : null;
            }
            yield return new FilmReadResult(new FilmSourceRow(line, values, row.Span.ToString()) { DecimalComma = decimalComma }, null);
        }
    }
}
