namespace CinemaStats.Core.Layout;

/// <summary>Names of the metadata every raw object carries.</summary>
public static class RawObjectMetadata
{
    public const string Sha256 = "sha256";
    public const string Source = "source";
    public const string OriginalName = "original-name";
    public const string UploadId = "upload-id";
    public const string Uploader = "uploader";
}
