using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CinemaStats.Core.Sources;
using Microsoft.Extensions.Options;

namespace CinemaStats.Ingest.Auth;

/// <summary>The configured API keys, looked up by the hash of a presented key.</summary>
public sealed class ApiKeyRegistry
{
    private readonly Dictionary<string, ApiKeyEntry> _byHash;

    public ApiKeyRegistry(IOptions<IngestOptions> options)
    {
        var entries = new List<ApiKeyEntry>(options.Value.ApiKeys);
        if (!string.IsNullOrWhiteSpace(options.Value.ApiKeysJson))
        {
            entries.AddRange(JsonSerializer.Deserialize<List<ApiKeyEntry>>(options.Value.ApiKeysJson, new JsonSerializerOptions(JsonSerializerDefaults.Web))
                ?? throw new InvalidOperationException("Ingest:ApiKeysJson is not a JSON array of API keys."));
        }
        foreach (var entry in entries)
        {
            Validate(entry);
        }
        _byHash = entries.ToDictionary(e => e.Sha256.ToLowerInvariant(), StringComparer.Ordinal);
    }

    public int Count => _byHash.Count;

    /// <summary>Built at start so that a bad key configuration stops the service with its reason.</summary>
    public void WarnWhenEmpty(ILogger logger)
    {
        if (Count == 0)
        {
            logger.LogWarning("No API keys are configured (Ingest:ApiKeys or Ingest:ApiKeysJson): every upload will be refused with 401.");
        }
    }

    public ApiKeyEntry? Find(string presentedKey) =>
        _byHash.GetValueOrDefault(HashOf(presentedKey));

    public static string HashOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static void Validate(ApiKeyEntry entry)
    {
        if (string.IsNullOrWhiteSpace(entry.Name) || entry.Sha256.Length != 64 || !entry.Sha256.All(Uri.IsHexDigit))
        {
            throw new InvalidOperationException($"API key '{entry.Name}' needs a name and the 64-hex-digit SHA-256 of the key.");
        }
        var unknown = entry.Sources.Where(s => s != "*" && SourceCatalog.Find(s) is null).ToList();
        if (entry.Sources.Count == 0 || unknown.Count > 0)
        {
            throw new InvalidOperationException(
                $"API key '{entry.Name}' must name its sources ({string.Join(", ", SourceCatalog.All.Select(s => s.Name))} or *); unknown: {string.Join(", ", unknown)}.");
        }
    }
}
