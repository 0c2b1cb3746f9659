using CinemaStats.Core.Tables;
using CinemaStats.TestSupport;

namespace CinemaStats.Core.Tests.Tables;

public sealed class AthenaSchemaExportTests
{
    private static readonly string ExportPath = Path.Combine(RepositoryPaths.Root, AthenaSchemaExport.RepositoryPath);

    [Fact]
    public void The_export_Terraform_reads_matches_the_schemas_in_Core()
    {
        var current = AthenaSchemaExport.ToJson(CuratedTables.All);
        if (Environment.GetEnvironmentVariable("CINEMASTATS_UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(ExportPath)!);
            File.WriteAllText(ExportPath, current);
        }
        Assert.True(File.Exists(ExportPath), $"{AthenaSchemaExport.RepositoryPath} is missing: run ./tools/export-schemas.sh.");
        Assert.True(current == File.ReadAllText(ExportPath),
            $"{AthenaSchemaExport.RepositoryPath} is stale: the Glue tables would drift from CuratedTables. Run ./tools/export-schemas.sh and commit the result.");
    }

    [Fact]
    public void Every_column_type_has_an_Athena_type_and_partitions_are_dates()
    {
        var json = System.Text.Json.JsonDocument.Parse(AthenaSchemaExport.ToJson(CuratedTables.All));
        var factSession = json.RootElement.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "fact_session");
        var types = factSession.GetProperty("columns").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("type").GetString());
        Assert.Equal("int", types["capacity"]);
        Assert.Equal("bigint", types["gbo_minor"]);
        Assert.Equal("timestamp", types["showtime_utc"]);
        Assert.Equal("business_date", factSession.GetProperty("partition_keys")[0].GetProperty("name").GetString());
        Assert.Equal("date", factSession.GetProperty("partition_keys")[0].GetProperty("type").GetString());
        Assert.DoesNotContain("business_date", types.Keys);
    }
}
