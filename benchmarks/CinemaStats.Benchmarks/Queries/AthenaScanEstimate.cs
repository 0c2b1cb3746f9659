using System.Globalization;
using System.Text.RegularExpressions;
using CinemaStats.Core.Tables;
using CinemaStats.Web.Queries.Published;
using DuckDB.NET.Data;

namespace CinemaStats.Benchmarks.Queries;

/// <summary>
/// What Athena would scan for a query: the compressed size of the column chunks of the columns the
/// SQL names, in the files of the partitions its business-date range keeps (Athena prunes
/// partitions, and reads only the columns a query uses from Parquet). An upper bound: row-group
/// skipping by min/max statistics would scan less. Footers are not counted.
/// </summary>
public sealed partial class AthenaScanEstimate
{
    private readonly Dictionary<string, Dictionary<string, long>> _columnBytesByFile = new(StringComparer.Ordinal);

    private AthenaScanEstimate()
    {
    }

    public static AthenaScanEstimate Read(PublishedCatalog catalog)
    {
        var estimate = new AthenaScanEstimate();
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        foreach (var table in CuratedTables.All)
        {
            foreach (var key in catalog.Table(table.Name).Files)
            {
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT path_in_schema, CAST(SUM(total_compressed_size) AS BIGINT) FROM parquet_metadata(?) GROUP BY path_in_schema";
                command.Parameters.Add(new DuckDBParameter(Path.Combine(catalog.LocalRoot!, key)));
                using var reader = command.ExecuteReader();
                var columns = new Dictionary<string, long>(StringComparer.Ordinal);
                while (reader.Read())
                {
                    columns[reader.GetString(0)] = reader.GetInt64(1);
                }
                estimate._columnBytesByFile[key] = columns;
            }
        }
        return estimate;
    }

    public long BytesScanned(BenchmarkCase benchmark, PublishedCatalog catalog, DateOnly from, DateOnly to)
    {
        var words = Word().Matches(benchmark.Query.Sql).Select(m => m.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        long bytes = 0;
        foreach (var table in benchmark.Query.Tables.Select(name => CuratedTables.All.Single(t => t.Name == name)))
        {
            var prunes = table.PartitionColumn is not null && benchmark.Filter is not null;
            foreach (var key in catalog.Table(table.Name).Files.Where(key => !prunes || InRange(key, from, to)))
            {
                bytes += _columnBytesByFile[key].Where(c => words.Contains(c.Key)).Sum(c => c.Value);
            }
        }
        return bytes;
    }

    private static bool InRange(string key, DateOnly from, DateOnly to)
    {
        var match = PartitionDate().Match(key);
        var date = DateOnly.ParseExact(match.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return date >= from && date <= to;
    }

    [GeneratedRegex(@"\b[A-Za-z_][A-Za-z0-9_]*\b")]
    private static partial Regex Word();

    [GeneratedRegex(@"business_date=(\d{4}-\d{2}-\d{2})/")]
    private static partial Regex PartitionDate();
}
