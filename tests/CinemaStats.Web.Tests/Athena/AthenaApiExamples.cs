namespace CinemaStats.Web.Tests.Athena;

/// <summary>Responses shaped like the Athena API reference's response syntax for each operation.</summary>
public static class AthenaApiExamples
{
    public const string QueryId = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111";

    public const string StartQueryExecution = $$"""{"QueryExecutionId":"{{QueryId}}"}""";

    public const string StopQueryExecution = "{}";

    public static string QueryExecution(string state, string? stateChangeReason = null, string? athenaError = null) => $$"""
        {
          "QueryExecution": {
            "QueryExecutionId": "{{QueryId}}",
            "Query": "SELECT business_date, sessions FROM fact_session WHERE business_date >= ?",
            "StatementType": "DML",
            "ResultConfiguration": {
              "OutputLocation": "s3://cinema-stats-query-results/{{QueryId}}.csv",
              "EncryptionConfiguration": { "EncryptionOption": "SSE_KMS", "KmsKey": "arn:aws:kms:eu-west-1:111122223333:key/EXAMPLE" }
            },
            "ResultReuseConfiguration": { "ResultReuseByAgeConfiguration": { "Enabled": true, "MaxAgeInMinutes": 10 } },
            "QueryExecutionContext": { "Database": "cinema_stats", "Catalog": "AwsDataCatalog" },
            "Status": {
              "State": "{{state}}",
              {{(stateChangeReason is null ? "" : $"\"StateChangeReason\": \"{stateChangeReason}\",")}}
              {{(athenaError is null ? "" : $"\"AthenaError\": {athenaError},")}}
              "SubmissionDateTime": 1.732560000123E9,
              "CompletionDateTime": 1.7325600015E9
            },
            "Statistics": {
              "EngineExecutionTimeInMillis": 1234,
              "DataScannedInBytes": 987654,
              "TotalExecutionTimeInMillis": 1500,
              "QueryQueueTimeInMillis": 120,
              "ServicePreProcessingTimeInMillis": 30,
              "QueryPlanningTimeInMillis": 200,
              "ServiceProcessingTimeInMillis": 40,
              "ResultReuseInformation": { "ReusedPreviousResult": false }
            },
            "WorkGroup": "cinema-stats",
            "EngineVersion": { "SelectedEngineVersion": "AUTO", "EffectiveEngineVersion": "Athena engine version 3" },
            "SubstatementType": "SELECT"
          }
        }
        """;

    private const string ColumnInfo = """
        "ResultSetMetadata": {
          "ColumnInfo": [
            { "CatalogName": "hive", "SchemaName": "", "TableName": "", "Name": "cinema_id", "Label": "cinema_id", "Type": "varchar", "Precision": 2147483647, "Scale": 0, "Nullable": "UNKNOWN", "CaseSensitive": true },
            { "CatalogName": "hive", "SchemaName": "", "TableName": "", "Name": "business_date", "Label": "business_date", "Type": "date", "Precision": 0, "Scale": 0, "Nullable": "UNKNOWN", "CaseSensitive": false },
            { "CatalogName": "hive", "SchemaName": "", "TableName": "", "Name": "sessions", "Label": "sessions", "Type": "bigint", "Precision": 19, "Scale": 0, "Nullable": "UNKNOWN", "CaseSensitive": false },
            { "CatalogName": "hive", "SchemaName": "", "TableName": "", "Name": "occupancy", "Label": "occupancy", "Type": "double", "Precision": 17, "Scale": 0, "Nullable": "UNKNOWN", "CaseSensitive": false },
            { "CatalogName": "hive", "SchemaName": "", "TableName": "", "Name": "first_start", "Label": "first_start", "Type": "timestamp", "Precision": 3, "Scale": 0, "Nullable": "UNKNOWN", "CaseSensitive": false },
            { "CatalogName": "hive", "SchemaName": "", "TableName": "", "Name": "sold_out", "Label": "sold_out", "Type": "boolean", "Precision": 0, "Scale": 0, "Nullable": "UNKNOWN", "CaseSensitive": false },
            { "CatalogName": "hive", "SchemaName": "", "TableName": "", "Name": "revenue", "Label": "revenue", "Type": "decimal", "Precision": 18, "Scale": 2, "Nullable": "UNKNOWN", "CaseSensitive": false },
            { "CatalogName": "hive", "SchemaName": "", "TableName": "", "Name": "screens", "Label": "screens", "Type": "integer", "Precision": 10, "Scale": 0, "Nullable": "UNKNOWN", "CaseSensitive": false }
          ]
        }
        """;

    /// <summary>First page: the header row, then two rows; more to come.</summary>
    public const string ResultsPage1 = $$"""
        {
          "UpdateCount": 0,
          "ResultSet": {
            "Rows": [
              { "Data": [ { "VarCharValue": "cinema_id" }, { "VarCharValue": "business_date" }, { "VarCharValue": "sessions" }, { "VarCharValue": "occupancy" }, { "VarCharValue": "first_start" }, { "VarCharValue": "sold_out" }, { "VarCharValue": "revenue" }, { "VarCharValue": "screens" } ] },
              { "Data": [ { "VarCharValue": "C001" }, { "VarCharValue": "2024-03-01" }, { "VarCharValue": "42" }, { "VarCharValue": "0.731" }, { "VarCharValue": "2024-03-01 10:15:00.000" }, { "VarCharValue": "false" }, { "VarCharValue": "12345.67" }, { "VarCharValue": "9" } ] },
              { "Data": [ { "VarCharValue": "O'Brien Plaza" }, { "VarCharValue": "2024-03-02" }, { "VarCharValue": "9000000000" }, { "VarCharValue": "1.0E-4" }, { "VarCharValue": "2024-03-02 23:59:59.999" }, { "VarCharValue": "true" }, { "VarCharValue": "-0.50" }, { "VarCharValue": "-1" } ] }
            ],
            {{ColumnInfo}}
          },
          "NextToken": "AEXAMPLETOKEN1"
        }
        """;

    /// <summary>Last page: one row of NULLs (data with no VarCharValue) and no NextToken.</summary>
    public const string ResultsPage2 = $$"""
        {
          "UpdateCount": 0,
          "ResultSet": {
            "Rows": [
              { "Data": [ { "VarCharValue": "C003" }, {}, {}, {}, {}, {}, {}, {} ] }
            ],
            {{ColumnInfo}}
          }
        }
        """;

    public static string Error(string type, string message, string? extra = null) =>
        $$"""{"__type":"{{type}}","Message":"{{message}}"{{(extra is null ? "" : "," + extra)}}}""";
}
