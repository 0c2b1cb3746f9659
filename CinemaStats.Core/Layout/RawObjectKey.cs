using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CinemaStats.Core.Layout;

/// <summary>
/// <c>raw/{source}/ingest_date=YYYY-MM-DD/{upload_id}.{ext}[.gz]</c>: where an upload is kept,
/// untouched, for ever.
/// </summary>
public sealed partial record RawObjectKey(string Source, DateOnly IngestDate, string UploadId, string Extension)
{
    public const string Root = "raw/";

    public static string PrefixOf(string source) => $"{Root}{source}/";

    public override string ToString() =>
        $"{Root}{Source}/ingest_date={IngestDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}/{UploadId}{Extension}";

    /// <summary>True when the upload was sent gzip-compressed.</summary>
    public bool IsGzip => Extension.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);

    public static bool TryParse(string key, [NotNullWhen(true)] out RawObjectKey? parsed)
    {
        parsed = null;
        var match = Pattern().Match(key);
        if (!match.Success
            || !DateOnly.TryParseExact(match.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return false;
        }
        parsed = new RawObjectKey(match.Groups["source"].Value, date, match.Groups["id"].Value, match.Groups["ext"].Value);
        return true;
    }

    [GeneratedRegex(@"^raw/(?<source>[a-z_]+)/ingest_date=(?<date>\d{4}-\d{2}-\d{2})/(?<id>[A-Za-z0-9_-]+)(?<ext>(\.[A-Za-z0-9]+)+)$")]
    private static partial Regex Pattern();
}
