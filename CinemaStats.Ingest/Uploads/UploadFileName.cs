using CinemaStats.Core.Sources;

namespace CinemaStats.Ingest.Uploads;

/// <summary>The rules a sender's file name must meet before anything is stored.</summary>
public static class UploadFileName
{
    public const int MaxLength = 200;

    /// <summary>The stored extension (<c>.csv</c>, <c>.csv.gz</c>) of a safe, accepted name; otherwise a 400.</summary>
    public static string AcceptedExtension(SourceDefinition source, string fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName) || fileName.Length > MaxLength)
        {
            throw Reject($"File names must have 1 to {MaxLength} characters.");
        }
        if (fileName.Any(char.IsControl))
        {
            throw Reject("The file name contains a control character. Rename the file using printable characters only.");
        }
        if (fileName.Contains('/') || fileName.Contains('\\') || fileName.Contains("..") || fileName.StartsWith('.'))
        {
            throw Reject("The file name must be a plain name: no '/', '\\', '..' or leading '.'.");
        }

        var lower = fileName.ToLowerInvariant();
        var gzip = lower.EndsWith(".gz", StringComparison.Ordinal);
        var bare = gzip ? lower[..^3] : lower;
        var extension = source.Extensions.FirstOrDefault(e => bare.EndsWith(e, StringComparison.Ordinal) && bare.Length > e.Length);
        if (extension is null)
        {
            throw Reject($"Source '{source.Name}' accepts {string.Join(", ", source.Extensions)} files, optionally gzip-compressed (.gz); '{fileName}' is none of them.");
        }
        return gzip ? extension + ".gz" : extension;
    }

    private static UploadRejectedException Reject(string detail) =>
        new(StatusCodes.Status400BadRequest, "The file name is not accepted", detail, "name");
}
