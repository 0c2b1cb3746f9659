using System.Globalization;
using System.Text.RegularExpressions;

namespace CinemaStats.Core.Layout;

/// <summary>
/// <c>curated/{table}/{partition column}=YYYY-MM-DD/part-{input_hash}.parquet</c>: one Parquet file
/// per table, partition and input, named from the input so that a re-run overwrites it. Every
/// partition column holds a date (a business date, the Friday of a film week, the first of a month).
/// </summary>
public static partial class CuratedPartitionKey
{
    public const string Root = "curated/";

    public static string TablePrefix(string table) => $"{Root}{table}/";

    public const string BusinessDate = "business_date";

    public static string PartitionPrefix(string table, DateOnly businessDate) => PartitionPrefix(table, BusinessDate, businessDate);

    public static string PartitionPrefix(string table, string column, DateOnly value) =>
        $"{TablePrefix(table)}{column}={value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}/";

    public static string Part(string table, DateOnly businessDate, string inputHash) => Part(table, BusinessDate, businessDate, inputHash);

    public static string Part(string table, string column, DateOnly value, string inputHash)
    {
        if (!InputHashPattern().IsMatch(inputHash))
        {
            throw new ArgumentException($"Input hash '{inputHash}' must be lower-case hex.", nameof(inputHash));
        }
        return $"{PartitionPrefix(table, column, value)}part-{inputHash}.parquet";
    }

    /// <summary>The partition value of a file of a table partitioned by <paramref name="column"/>, from its key (the column is not in the file).</summary>
    public static DateOnly PartitionValueOf(string key, string column)
    {
        var segment = $"/{column}=";
        var start = key.IndexOf(segment, StringComparison.Ordinal);
        return start >= 0 && key.Length >= start + segment.Length + 10
            && DateOnly.TryParseExact(key.AsSpan(start + segment.Length, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? value
            : throw new InvalidOperationException($"{key} is not a file of a partition by {column}.");
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
