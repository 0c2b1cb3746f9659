using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using CinemaStats.Transform.Sessions;

namespace CinemaStats.Transform.Films;

/// <summary>Streams a JSON Lines films file; a line that is not JSON is rejected alone, with its line number.</summary>
public static class FilmsJsonLinesReader
{
    public static async IAsyncEnumerable<FilmReadResult> ReadAsync(Stream content, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        long line = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } text)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }
            FilmReadResult result;
            try
            {
                using var document = JsonDocument.Parse(text);
                result = FilmJsonRecord.From(document.RootElement, line);
            }
            catch (JsonException e)
            {
                result = new FilmReadResult(null, new RejectedRow(line, null, $"not a JSON object: {e.Message}", text, RejectedRow.InvalidJson));
            }
            yield return result;
        }
    }
}
