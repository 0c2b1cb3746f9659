namespace CinemaStats.Core.Layout;

/// <summary><c>_pipeline/…</c>: the transform's ledger, kept in the object store so it works in every mode.</summary>
public static class PipelineKey
{
    public const string Root = "_pipeline/";

    /// <summary>The ledger entry of one raw object: <c>_pipeline/raw/{source}/…/{upload_id}.{ext}.json</c>.</summary>
    public static string RawObjectStatus(RawObjectKey raw) => $"{Root}{raw}.json";

    public static string RawObjectStatusPrefix => $"{Root}{RawObjectKey.Root}";

    /// <summary>Present while the transform works on a raw object.</summary>
    public static string RawObjectRunning(RawObjectKey raw) => $"{Root}running/{raw}.json";

    /// <summary>The record of one upload, by its id.</summary>
    public static string Upload(string uploadId) => $"{Root}uploads/{uploadId}.json";

    /// <summary>Rows of an upload that could not be used, with line, field and reason (JSON Lines).</summary>
    public static string Quarantine(string uploadId) => $"{Root}quarantine/{uploadId}.jsonl";

    /// <summary>Which rows of which raw object a later one replaced, in one partition of an asset (JSON).</summary>
    public static string Supersessions(string asset, string partition) => $"{SupersessionsPrefix}{asset}/{partition}.json";

    public const string SupersessionsPrefix = Root + "supersessions/";

    /// <summary>Parsed rows of one raw object for one partition: <c>_pipeline/staging/{asset}/business_date=…/{upload_id}.parquet</c>.</summary>
    public static string Staging(string asset, DateOnly businessDate, string uploadId) =>
        $"{StagingPrefix(asset, businessDate)}{uploadId}.parquet";

    public static string StagingPrefix(string asset, DateOnly businessDate) =>
        $"{Root}staging/{asset}/business_date={businessDate:yyyy-MM-dd}/";

    public static string StagingPrefix(string asset) => $"{Root}staging/{asset}/";

    /// <summary>The state of one asset partition: what is published, from which inputs, with which checks.</summary>
    public static string AssetPartition(string asset, string partition) => $"{AssetPartitionsPrefix(asset)}{partition}.json";

    public static string AssetPartitionsPrefix(string asset) => $"{Root}assets/{asset}/";

    /// <summary>One run of the worker, named so that listing returns them oldest first.</summary>
    public static string Run(string runId) => $"{RunsPrefix}{runId}.json";

    public const string RunsPrefix = Root + "runs/";
}
