using System.Runtime.CompilerServices;
using System.Text.Json;

namespace CinemaStats.Transform.Films;

/// <summary>
/// Streams a films file that is one JSON array: one element at a time, so memory stays bounded
/// however long the array. A JSON array carries no useful line numbers, so a record's
/// position in the array (from 1) stands for its line.
/// </summary>
public static class FilmsJsonArrayReader
{
    public static async IAsyncEnumerable<FilmReadResult> ReadAsync(Stream content, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long position = 0;
        await foreach (var element in JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(content, cancellationToken: cancellationToken))
        {
            position++;
            yield return FilmJsonRecord.From(element, position);
        }
    }
}
