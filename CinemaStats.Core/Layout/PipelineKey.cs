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

    /// <summary>Rows of a raw object that could not be used, with line, field and reason (JSON Lines).</summary>
    public static string Quarantine(RawObjectKey raw) => $"{Root}quarantine/{raw}.jsonl";
}
