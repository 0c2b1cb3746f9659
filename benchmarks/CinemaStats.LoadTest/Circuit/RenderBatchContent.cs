using System.Buffers.Binary;
using System.Text;

namespace CinemaStats.LoadTest.Circuit;

/// <summary>
/// What a render batch puts on screen, as far as the replay needs to know: the text it shows,
/// the components it adds that carry a <c>data-testid</c>, the <c>data-testid</c>s of the
/// elements it adds, and the components it removes. Read from the binary batch the server sends
/// (the layout blazor.web.js reads: sections, then a string table of length-prefixed UTF-8, then
/// five int32 offsets at the end).
/// </summary>
public sealed record RenderBatchContent(
    IReadOnlyList<string> Texts,
    IReadOnlyList<string> TestIds,
    IReadOnlyDictionary<int, string> ComponentTestIds,
    IReadOnlyList<int> DisposedComponentIds)
{
    private const int FrameBytes = 20; // frame type, then 16 bytes whose meaning depends on the type
    private const int ElementFrame = 1, TextFrame = 2, AttributeFrame = 3, ComponentFrame = 4;

    public static RenderBatchContent Read(ReadOnlySpan<byte> batch)
    {
        if (batch.Length < 20)
        {
            throw new InvalidDataException($"a render batch of {batch.Length} bytes is too short");
        }
        var framesAt = Int(batch, batch.Length - 16);
        var disposedAt = Int(batch, batch.Length - 12);
        var stringTableAt = Int(batch, batch.Length - 4);

        var frameCount = Int(batch, framesAt);
        if (frameCount < 0 || framesAt + 4 + (long)frameCount * FrameBytes > disposedAt)
        {
            throw new InvalidDataException("the render batch's frames do not fit the layout this client reads (did the Blazor version change?)");
        }
        var texts = new List<string>();
        var testIds = new List<string>();
        var componentTestIds = new Dictionary<int, string>();
        for (var i = 0; i < frameCount; i++)
        {
            var frame = batch.Slice(framesAt + 4 + i * FrameBytes, FrameBytes);
            switch (Int(frame, 0))
            {
                case TextFrame when String(batch, stringTableAt, Int(frame, 4)) is { } text:
                    texts.Add(text);
                    break;
                case ElementFrame or ComponentFrame when TestId(batch, stringTableAt, framesAt, i, frameCount) is { } testId:
                    testIds.Add(testId);
                    if (Int(frame, 0) == ComponentFrame)
                    {
                        componentTestIds[Int(frame, 8)] = testId;
                    }
                    break;
            }
        }

        var disposed = new int[Int(batch, disposedAt)];
        for (var i = 0; i < disposed.Length; i++)
        {
            disposed[i] = Int(batch, disposedAt + 4 + i * 4);
        }
        return new RenderBatchContent(texts, testIds, componentTestIds, disposed);
    }

    /// <summary>An element's or component's attributes are the frames right after it.</summary>
    private static string? TestId(ReadOnlySpan<byte> batch, int stringTableAt, int framesAt, int index, int frameCount)
    {
        for (var i = index + 1; i < frameCount; i++)
        {
            var frame = batch.Slice(framesAt + 4 + i * FrameBytes, FrameBytes);
            if (Int(frame, 0) != AttributeFrame)
            {
                return null;
            }
            if (String(batch, stringTableAt, Int(frame, 4)) == "data-testid")
            {
                return String(batch, stringTableAt, Int(frame, 8));
            }
        }
        return null;
    }

    private static string? String(ReadOnlySpan<byte> batch, int stringTableAt, int index)
    {
        if (index < 0)
        {
            return null;
        }
        var at = Int(batch, stringTableAt + index * 4);
        // BinaryWriter's prefix: the UTF-8 byte count in 7-bit groups, low group first
        var length = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = batch[at++];
            length |= (b & 0x7F) << shift;
            if (b < 0x80)
            {
                break;
            }
        }
        return Encoding.UTF8.GetString(batch.Slice(at, length));
    }

    private static int Int(ReadOnlySpan<byte> data, int at) => BinaryPrimitives.ReadInt32LittleEndian(data[at..]);
}
