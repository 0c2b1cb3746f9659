using System.Net;
using System.Net.Http.Headers;
using CinemaStats.Core.SampleData;

namespace CinemaStats.SampleData;

/// <summary>
/// A request body that generates the file while it is sent (chunked, no length known up front),
/// so an upload never holds the file in memory.
/// </summary>
internal sealed class SampleFileContent : HttpContent
{
    private readonly SampleFile _file;

    public SampleFileContent(SampleFile file)
    {
        _file = file;
        Headers.ContentType = new MediaTypeHeaderValue(file.ContentType);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        _file.WriteToAsync(stream);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        _file.WriteToAsync(stream, cancellationToken);

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
