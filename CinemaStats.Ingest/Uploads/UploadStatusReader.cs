using CinemaStats.Core.Layout;
using CinemaStats.Core.Pipeline;
using CinemaStats.Core.Storage;

namespace CinemaStats.Ingest.Uploads;

/// <summary>An upload as its sender sees it: where it is, and what the pipeline made of it.</summary>
public sealed record UploadStatus(
    string UploadId,
    string Source,
    string Status,
    string Key,
    string Sha256,
    long Size,
    string ContentType,
    string OriginalName,
    string Uploader,
    DateTimeOffset ReceivedAt,
    long? RowsIn,
    long? RowsOut,
    long? RowsQuarantined,
    string? Error)
{
    public const string AwaitingUpload = "awaiting-upload";
    public const string Receiving = "receiving";
    public const string Stored = "stored";
    public const string Processing = "processing";
    public const string Processed = "processed";
    public const string Failed = "failed";

    /// <summary>Once processed: rows in, out, quarantined by reason, flagged by flag and superseded.</summary>
    public UploadQuality? Quality { get; init; }
}

/// <summary>Joins the upload record with the transform's ledger.</summary>
public sealed class UploadStatusReader(UploadRecords records, RawObjectLedger ledger, IObjectStore store, TimeProvider clock)
{
    public async Task<UploadStatus?> GetAsync(string uploadId, CancellationToken cancellationToken)
    {
        var found = await records.GetAsync(uploadId, cancellationToken);
        if (found is not { Record: var record } || (record.IsAbandoned(clock.GetUtcNow()) && record.State != UploadRecord.AwaitingUpload))
        {
            return null;
        }
        UploadStatus Status(string status, RawObjectStatus? run = null) => new(
            record.UploadId, record.Source, status, record.RawKey, record.Sha256, record.Size, record.ContentType,
            record.OriginalName, record.Uploader, record.ReceivedAt, run?.RowsIn, run?.RowsOut, run?.RowsQuarantined, run?.Error);

        if (record.State == UploadRecord.Receiving)
        {
            return Status(UploadStatus.Receiving);
        }
        if (record.State == UploadRecord.AwaitingUpload && await store.HeadAsync(record.RawKey, cancellationToken) is null)
        {
            return record.IsAbandoned(clock.GetUtcNow()) ? null : Status(UploadStatus.AwaitingUpload);
        }
        if (!RawObjectKey.TryParse(record.RawKey, out var raw))
        {
            return Status(UploadStatus.Stored);
        }
        var run = await ledger.GetAsync(raw, cancellationToken);
        return run switch
        {
            { Status: RawObjectStatus.Processed } => Status(UploadStatus.Processed, run) with
            {
                Quality = UploadQuality.From(uploadId, run, await new Supersessions(store).OfUploadAsync(uploadId, cancellationToken)),
            },
            { Status: RawObjectStatus.Failed } => Status(UploadStatus.Failed, run),
            _ when await ledger.IsRunningAsync(raw, cancellationToken) => Status(UploadStatus.Processing),
            _ => Status(UploadStatus.Stored),
        };
    }
}
