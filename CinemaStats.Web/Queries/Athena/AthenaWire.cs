using System.Text.Json.Serialization;

namespace CinemaStats.Web.Queries.Athena;

// Athena's JSON 1.1 shapes, field names exactly as its API reference spells them.

internal sealed record StartQueryExecutionInput(
    string QueryString,
    string? ClientRequestToken,
    QueryExecutionContextWire? QueryExecutionContext,
    string? WorkGroup,
    IReadOnlyList<string>? ExecutionParameters,
    ResultReuseConfigurationWire? ResultReuseConfiguration);

internal sealed record QueryExecutionContextWire(string? Database, string? Catalog);

internal sealed record ResultReuseConfigurationWire(ResultReuseByAgeConfigurationWire ResultReuseByAgeConfiguration);

internal sealed record ResultReuseByAgeConfigurationWire(bool Enabled, int? MaxAgeInMinutes);

internal sealed record QueryExecutionIdWire(string QueryExecutionId);

/// <summary>Athena answers <c>StopQueryExecution</c> with <c>{}</c>.</summary>
internal sealed record StopQueryExecutionOutput;

internal sealed record GetQueryResultsInput(string QueryExecutionId, string? NextToken, int? MaxResults);

internal sealed record GetQueryExecutionOutput(QueryExecutionWire? QueryExecution);

internal sealed record QueryExecutionWire(
    string? QueryExecutionId,
    string? StatementType,
    QueryExecutionStatusWire? Status,
    QueryExecutionStatisticsWire? Statistics);

internal sealed record QueryExecutionStatusWire(
    string? State,
    string? StateChangeReason,
    double? SubmissionDateTime,
    double? CompletionDateTime,
    AthenaErrorWire? AthenaError);

internal sealed record AthenaErrorWire(int? ErrorCategory, int? ErrorType, bool? Retryable, string? ErrorMessage);

internal sealed record QueryExecutionStatisticsWire(
    long? DataScannedInBytes,
    long? EngineExecutionTimeInMillis,
    long? TotalExecutionTimeInMillis,
    long? QueryQueueTimeInMillis,
    ResultReuseInformationWire? ResultReuseInformation);

internal sealed record ResultReuseInformationWire(bool ReusedPreviousResult);

internal sealed record GetQueryResultsOutput(long? UpdateCount, ResultSetWire? ResultSet, string? NextToken);

internal sealed record ResultSetWire(IReadOnlyList<RowWire>? Rows, ResultSetMetadataWire? ResultSetMetadata);

internal sealed record RowWire(IReadOnlyList<DatumWire>? Data);

internal sealed record DatumWire(string? VarCharValue);

internal sealed record ResultSetMetadataWire(IReadOnlyList<ColumnInfoWire>? ColumnInfo);

internal sealed record ColumnInfoWire(string Name, string Type, string? Label, int? Precision, int? Scale);

/// <summary>Errors arrive as <c>{"__type": "...", "Message": "..."}</c>; some services spell it <c>message</c>.</summary>
internal sealed record ErrorWire(
    [property: JsonPropertyName("__type")] string? Type,
    string? Message,
    [property: JsonPropertyName("message")] string? LowerCaseMessage,
    string? AthenaErrorCode,
    string? Reason);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StartQueryExecutionInput))]
[JsonSerializable(typeof(QueryExecutionIdWire))]
[JsonSerializable(typeof(GetQueryResultsInput))]
[JsonSerializable(typeof(GetQueryExecutionOutput))]
[JsonSerializable(typeof(GetQueryResultsOutput))]
[JsonSerializable(typeof(StopQueryExecutionOutput))]
[JsonSerializable(typeof(ErrorWire))]
internal sealed partial class AthenaJsonContext : JsonSerializerContext;
