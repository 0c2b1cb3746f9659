using System.Buffers;
using System.Text;

namespace CinemaStats.Core.SampleData;

/// <summary>
/// A small write buffer in front of a stream, drained asynchronously every 64 KiB, so a file of any
/// size streams out (to disk or an HTTP request) without being held whole or written synchronously.
/// </summary>
internal sealed class Utf8Output(Stream destination)
{
    private const int DrainAt = 64 * 1024;

    public ArrayBufferWriter<byte> Buffer { get; } = new(DrainAt + 4096);

    public void Write(ReadOnlySpan<char> text) => Encoding.UTF8.GetBytes(text, Buffer);

    public void Write(ReadOnlySpan<byte> utf8) => Buffer.Write(utf8);

    public ValueTask DrainIfFullAsync(CancellationToken cancellationToken) =>
        Buffer.WrittenCount >= DrainAt ? DrainAsync(cancellationToken) : ValueTask.CompletedTask;

    public async ValueTask DrainAsync(CancellationToken cancellationToken)
    {
        if (Buffer.WrittenCount > 0)
        {
            await destination.WriteAsync(Buffer.WrittenMemory, cancellationToken);
            Buffer.ResetWrittenCount();
        }
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        await DrainAsync(cancellationToken);
        await destination.FlushAsync(cancellationToken);
    }
}
