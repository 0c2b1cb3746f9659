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
        if (UnsafeBecause(fileName) is { } reason)
        {
            throw Reject($"The file name must be a plain name such as 'sessions-2026-03-06.csv': {reason}.");
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

    private static readonly HashSet<string> DeviceNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    /// <summary>
    /// Why a name is not a plain file name, or null: a path of any kind (absolute, relative, with a
    /// drive letter, UNC, percent-encoded separators), a hidden name, or a name a Windows machine
    /// would take for a device or silently change. Checked on the name as sent and once decoded.
    /// </summary>
    private static string? UnsafeBecause(string name)
    {
        foreach (var candidate in new[] { name, Uri.UnescapeDataString(name) })
        {
            var reason = candidate switch
            {
                _ when candidate.StartsWith(@"\\", StringComparison.Ordinal) => "a network (UNC) path is not accepted",
                _ when candidate.StartsWith('/') || candidate.StartsWith('\\') => "an absolute path is not accepted",
                _ when candidate.Length >= 2 && char.IsAsciiLetter(candidate[0]) && candidate[1] == ':' => "a drive letter is not accepted",
                _ when candidate.Contains("..", StringComparison.Ordinal) => "'..' is not accepted",
                _ when candidate.Contains('/') || candidate.Contains('\\') => "'/' and '\\' are not accepted",
                _ when candidate.Contains(':') => "':' is not accepted",
                _ when candidate.StartsWith('.') => "a name starting with '.' is not accepted",
                _ when candidate.EndsWith('.') || candidate.EndsWith(' ') => "a name ending in '.' or a space is not accepted",
                _ when candidate.Any(char.IsControl) => "a control character is not accepted",
                _ when DeviceNames.Contains(candidate.Split('.')[0].TrimEnd()) => $"'{candidate.Split('.')[0]}' is a device name",
                _ => null,
            };
            if (reason is not null)
            {
                return reason;
            }
        }
        return null;
    }

    private static UploadRejectedException Reject(string detail) =>
        new(StatusCodes.Status400BadRequest, "The file name is not accepted", detail, "name");
}
