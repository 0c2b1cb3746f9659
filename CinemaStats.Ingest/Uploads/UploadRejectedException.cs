namespace CinemaStats.Ingest.Uploads;

/// <summary>The upload was refused: the problem, in words a sender can act on.</summary>
public sealed class UploadRejectedException(int statusCode, string title, string detail, string? field = null) : Exception(detail)
{
    public int StatusCode { get; } = statusCode;
    public string Title { get; } = title;
    public string? Field { get; } = field;
}
