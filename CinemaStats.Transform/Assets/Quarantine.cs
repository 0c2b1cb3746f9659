using System.Text;
using System.Text.Json;
using CinemaStats.Core.Layout;
using CinemaStats.Core.Pipeline;
using CinemaStats.Core.Storage;
using CinemaStats.Transform.Sessions;

namespace CinemaStats.Transform.Assets;

/// <summary>
/// The quarantine of one raw object, appended to a local file as rows are refused, so a file
/// full of bad rows does not have to fit in memory; put in the store (when not empty) at the end.
/// </summary>
public sealed class QuarantineFile(RawObjectKey raw) : IAsyncDisposable
{
    private string? _temp;
    private StreamWriter? _writer;

    public long Count { get; private set; }

    /// <summary>How many rows were refused for each reason code (<see cref="RejectedRow.ReasonCode"/>).</summary>
    public Dictionary<string, long> ByReason { get; } = new(StringComparer.Ordinal);

    public void Add(RejectedRow row)
    {
        if (_writer is null)
        {
            _temp = Path.GetTempFileName();
            _writer = new StreamWriter(_temp, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
        var code = row.ReasonCode;
        _writer.WriteLine(JsonSerializer.Serialize(new QuarantinedRow(raw.ToString(), row.LineNumber, row.Field, row.Reason, row.RawText, code)));
        ByReason[code] = ByReason.GetValueOrDefault(code) + 1;
        Count++;
    }

    public async Task PublishAsync(IObjectStore store, CancellationToken cancellationToken)
    {
        if (_writer is null)
        {
            return;
        }
        await _writer.FlushAsync(cancellationToken);
        await _writer.DisposeAsync();
        _writer = null;
        await using var upload = File.OpenRead(_temp!);
        await store.PutAsync(PipelineKey.Quarantine(raw.UploadId), upload, new ObjectWriteOptions { ContentType = "application/x-ndjson" }, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_writer is not null)
        {
            await _writer.DisposeAsync();
        }
        if (_temp is not null)
        {
            File.Delete(_temp);
        }
    }
}
