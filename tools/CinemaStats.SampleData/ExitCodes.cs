namespace CinemaStats.SampleData;

/// <summary>What the process returns, so scripts and the AppHost can tell failures apart.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int UploadFailed = 1;
    public const int Usage = 2;
    public const int Cancelled = 130;
}
