namespace CinemaStats.Core.Pipeline;

/// <summary>
/// What became of every row of a processed upload (docs/data-contract.md, "Quality report"): rows in
/// = rows out + rows quarantined; of the rows out, those a later upload replaced are
/// <see cref="RowsSupersededLater"/>; <see cref="RowsSupersedingEarlier"/> counts rows of earlier
/// uploads this one replaced. Flags count kept rows (a row may have several). Ingest serves it with
/// the upload's status; the dashboard shows it.
/// </summary>
/// <param name="QuarantinedRows">Where the quarantined rows are listed, with line, field and reason.</param>
public sealed record UploadQuality(
    long RowsIn,
    long RowsOut,
    long RowsQuarantined,
    IReadOnlyDictionary<string, long> QuarantinedByReason,
    IReadOnlyDictionary<string, long> FlaggedByFlag,
    long RowsSupersedingEarlier,
    long RowsSupersededLater,
    IReadOnlyList<Supersession> Supersessions,
    string QuarantinedRows)
{
    public static UploadQuality From(string uploadId, RawObjectStatus run, IReadOnlyList<Supersession> supersessions) => new(
        run.RowsIn,
        run.RowsOut,
        run.RowsQuarantined,
        run.QuarantinedByReason,
        run.FlaggedByFlag,
        supersessions.Where(s => Pipeline.Supersessions.IsOf(s.Superseding, uploadId)).Sum(s => s.Rows),
        supersessions.Where(s => Pipeline.Supersessions.IsOf(s.Superseded, uploadId)).Sum(s => s.Rows),
        supersessions,
        $"/v1/uploads/{uploadId}/quarantine");
}
