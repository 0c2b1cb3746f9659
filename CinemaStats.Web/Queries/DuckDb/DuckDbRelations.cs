using System.Globalization;
using CinemaStats.Core.Tables;

namespace CinemaStats.Web.Queries.DuckDb;

/// <summary>
/// The SQL text that reads published Parquet: always a list of exact files (never a glob: a file
/// being replaced is not yet published), with the table's Hive partition column typed DATE. The
/// paths are the application's own store keys, quoted as SQL strings; no user input reaches this text.
/// </summary>
public static class DuckDbRelations
{
    /// <summary><c>read_parquet</c> over <paramref name="files"/> (at least one), in the order given.</summary>
    public static string ReadParquet(TableSchema table, IEnumerable<string> files) => ParquetRelationSql.ReadParquet(table, files);

    /// <summary>A view over exactly <paramref name="files"/>, or an empty view of the same columns when there are none.</summary>
    public static string CreateView(TableSchema table, IReadOnlyList<string> files, bool orReplace = false) =>
        ParquetRelationSql.CreateView(table, files, orReplace);

    /// <summary>
    /// The partition a file belongs to: its Hive partition value (<c>…/{column}=value/…</c>, a
    /// date), or "" for an unpartitioned table, whose files form one partition.
    /// </summary>
    public static string PartitionOf(TableSchema table, string key)
    {
        if (table.PartitionColumn is not { } column)
        {
            return "";
        }
        var marker = $"/{column}=";
        var start = key.IndexOf(marker, StringComparison.Ordinal);
        var end = start < 0 ? -1 : key.IndexOf('/', start + marker.Length);
        if (end < 0)
        {
            throw new ArgumentException($"The file {key} of {table.Name} names no {column} partition.", nameof(key));
        }
        var value = key[(start + marker.Length)..end];
        // A date, checked: it is written into SQL as a literal.
        return DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    public static string DateLiteral(string partition) => $"DATE '{partition}'";

    public static string Quote(string text) => ParquetRelationSql.Quote(text);
}
