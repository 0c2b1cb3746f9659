using CinemaStats.Core.Sources;
using Microsoft.Net.Http.Headers;

namespace CinemaStats.Ingest.Uploads;

/// <summary>Which Content-Type headers a source accepts for a file ending.</summary>
public static class UploadContentType
{
    private static readonly string[] Generic = ["application/octet-stream"];
    private static readonly string[] Gzip = ["application/gzip", "application/x-gzip"];

    public static IReadOnlyList<string> AcceptedFor(SourceDefinition source, string extension) =>
        [.. source.ContentTypes, .. Generic, .. extension.EndsWith(".gz", StringComparison.Ordinal) ? Gzip : []];

    /// <summary>The media type to record; a missing header counts as <c>application/octet-stream</c>.</summary>
    public static string Accepted(SourceDefinition source, string extension, string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return Generic[0];
        }
        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed) || parsed.MediaType.Value is not { } mediaType)
        {
            throw Unsupported(source, extension, contentType);
        }
        var accepted = AcceptedFor(source, extension);
        return accepted.Contains(mediaType, StringComparer.OrdinalIgnoreCase)
            ? mediaType.ToLowerInvariant()
            : throw Unsupported(source, extension, contentType);
    }

    private static UploadRejectedException Unsupported(SourceDefinition source, string extension, string contentType) =>
        new(StatusCodes.Status415UnsupportedMediaType, "The content type is not accepted",
            $"Source '{source.Name}' takes {extension} files as {string.Join(", ", AcceptedFor(source, extension))}; the request said '{contentType}'. " +
            "Set the Content-Type header accordingly (curl: -H 'Content-Type: text/csv').",
            "Content-Type");
}
