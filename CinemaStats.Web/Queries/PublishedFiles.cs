using System.Text.Json;
using CinemaStats.Core.Layout;
using CinemaStats.Core.Pipeline;

namespace CinemaStats.Web.Queries;

/// <summary>The Parquet files a table's partition states publish, read from a local copy of the store.</summary>
public static class PublishedFiles
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<string> Of(string root, string table)
    {
        var folder = Path.Combine(root, PipelineKey.AssetPartitionsPrefix(table));
        if (!Directory.Exists(folder))
        {
            return [];
        }
        var files = new List<string>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.json"))
        {
            var state = JsonSerializer.Deserialize<AssetPartitionState>(File.ReadAllText(path), Json);
            files.AddRange((state?.Files ?? []).Where(key => File.Exists(Path.Combine(root, key))));
        }
        return files;
    }
}
