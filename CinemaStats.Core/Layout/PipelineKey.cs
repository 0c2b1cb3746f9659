namespace CinemaStats.Core.Layout;

/// <summary><c>_pipeline/…</c>: the transform's ledger, kept in the object store so it works in every mode.</summary>
public static class PipelineKey
{
    public const string Root = "_pipeline/";

    /// <summary>The ledger entry of one raw object: <c>_pipeline/raw/{source}/…/{upload_id}.{ext}.json</c>.</summary>
    public static string RawObjectStatus(RawObjectKey raw) => $"{Root}{raw}.json";

    public static string RawObjectStatusPrefix => $"{Root}{RawObjectKey.Root}";
}
