using System.Globalization;
using System.Text.RegularExpressions;

namespace CinemaStats.Core.Layout;

/// <summary>
/// <c>curated/{table}/business_date=YYYY-MM-DD/part-{input_hash}.parquet</c>: one Parquet file
/// per table, business date and input, named from the input so that a re-run overwrites it.
/// </summary>
public static partial class CuratedPartitionKey
{
    public const string Root = "curated/";

    public static string TablePrefix(string table) => $"{Root}{table}/";

    public static string PartitionPrefix(string table, DateOnly businessDate) =>
        $"{TablePrefix(table)}business_date={businessDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}/";

    public static string Part(string table, DateOnly businessDate, string inputHash)
    {
        if (!InputHashPattern().IsMatch(inputHash))
        {
            throw new ArgumentException($"Input hash '{inputHash}' must be lower-case hex.", nameof(inputHash));
        }
        return $"{PartitionPrefix(table, businessDate)}part-{inputHash}.parquet";
    }

    /// <summary>A file of an unpartitioned table: <c>curated/{table}/part-{input_hash}.parquet</c>.</summary>
    public static string Part(string table, string inputHash)
    {
        if (!InputHashPattern().IsMatch(inputHash))
        {
            throw new ArgumentException($"Input hash '{inputHash}' must be lower-case hex.", nameof(inputHash));
        }
        return $"{TablePrefix(table)}part-{inputHash}.parquet";
    }

    [GeneratedRegex("^[0-9a-f]{8,64}$")]
    private static partial Regex InputHashPattern();
}
