using System.Text.Json;
using System.Text.Json.Serialization;

namespace CinemaStats.Core.Tables;

/// <summary>
/// The curated schemas as Athena (Glue) sees them, exported as JSON for Terraform to read, so
/// the Glue tables are built from the same definition the writers use and cannot drift.
/// </summary>
public static class AthenaSchemaExport
{
    /// <summary>Where the export lives in the repository, relative to its root.</summary>
    public const string RepositoryPath = "terraform/schemas/curated_tables.json";

    public static string AthenaType(ColumnType type) => type switch
    {
        ColumnType.String => "string",
        ColumnType.Int32 => "int",
        ColumnType.Int64 => "bigint",
        ColumnType.Boolean => "boolean",
        ColumnType.Date => "date",
        ColumnType.TimestampUtc or ColumnType.TimestampLocal => "timestamp",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown column type"),
    };

    public static string ToJson(IEnumerable<TableSchema> tables)
    {
        var document = new ExportDocument(
            "Generated from CinemaStats.Core (CuratedTables); do not edit. Regenerate with ./tools/export-schemas.sh.",
            tables.Select(t => new ExportTable(
                t.Name,
                t.Description,
                $"{Layout.CuratedPartitionKey.TablePrefix(t.Name)}",
                t.Columns.Select(c => new ExportColumn(c.Name, AthenaType(c.Type), c.Nullable, c.Description)).ToList(),
                t.PartitionColumn is null ? [] : [new ExportColumn(t.PartitionColumn, "date", false, "Hive partition (key, not file column)")]))
            .ToList());
        return JsonSerializer.Serialize(document, Options) + "\n";
    }

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    private sealed record ExportDocument(string Comment, IReadOnlyList<ExportTable> Tables);

    private sealed record ExportTable(string Name, string Description, string KeyPrefix, IReadOnlyList<ExportColumn> Columns, IReadOnlyList<ExportColumn> PartitionKeys);

    private sealed record ExportColumn(string Name, string Type, bool Nullable, string Comment);
}
