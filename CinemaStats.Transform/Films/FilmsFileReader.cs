using System.IO.Pipelines;
using System.Runtime.CompilerServices;

namespace CinemaStats.Transform.Films;

/// <summary>
/// Reads any films file: CSV by its extension; a <c>.json</c> file is a JSON array or JSON Lines
/// depending on its first character (exports name both <c>.json</c>), found by peeking without
/// buffering the file.
/// </summary>
public static class FilmsFileReader
{
    public static async IAsyncEnumerable<FilmReadResult> ReadAsync(Stream content, string extension, string sourceName, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var ext = extension.ToLowerInvariant();
        if (ext.EndsWith(".gz", StringComparison.Ordinal))
        {
            ext = ext[..^3];
        }
        if (ext.EndsWith(".csv", StringComparison.Ordinal))
        {
            foreach (var result in FilmsCsvReader.Read(content, sourceName))
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return result;
            }
            yield break;
        }

        var pipe = PipeReader.Create(content, new StreamPipeReaderOptions(leaveOpen: true));
        var first = await FirstSignificantByteAsync(pipe, cancellationToken);
        await using var rest = pipe.AsStream();
        var records = first == (byte)'['
            ? FilmsJsonArrayReader.ReadAsync(rest, cancellationToken)
            : FilmsJsonLinesReader.ReadAsync(rest, cancellationToken);
        await foreach (var result in records)
        {
            yield return result;
        }
    }

    /// <summary>The first byte that is not white space or a BOM, leaving every byte unread for the parser.</summary>
    private static async Task<byte?> FirstSignificantByteAsync(PipeReader pipe, CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await pipe.ReadAsync(cancellationToken);
            var buffer = read.Buffer;
            foreach (var segment in buffer)
            {
                foreach (var b in segment.Span)
                {
                    if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF))
                    {
                        pipe.AdvanceTo(buffer.Start, buffer.Start);
                        return b;
                    }
                }
            }
            pipe.AdvanceTo(buffer.Start, buffer.End);
            if (read.IsCompleted)
            {
                return null;
            }
        }
    }
}
