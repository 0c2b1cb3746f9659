using CinemaStats.Core.Sources;

namespace CinemaStats.Web.Operations;

/// <summary>Which source a dropped file most likely belongs to, by its name.</summary>
public static class UploadSources
{
    public static string Guess(string fileName, string current)
    {
        var name = fileName.ToLowerInvariant();
        if (name.EndsWith(".gz", StringComparison.Ordinal))
        {
            name = name[..^3];
        }
        var extension = Path.GetExtension(name);
        var candidates = SourceCatalog.All.Where(s => s.Extensions.Contains(extension)).ToList();
        if (candidates.Any(s => s.Name == current) && !candidates.Any(s => name.Contains(s.Name.Split('_')[0], StringComparison.Ordinal) && s.Name != current))
        {
            return current;
        }
        return candidates.FirstOrDefault(s => name.Contains(s.Name.Split('_')[0], StringComparison.Ordinal))?.Name
            ?? candidates.FirstOrDefault()?.Name
            ?? current;
    }
}
