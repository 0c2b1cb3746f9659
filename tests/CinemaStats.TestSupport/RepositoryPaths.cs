namespace CinemaStats.TestSupport;

/// <summary>Folders of the repository the tests run from.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CinemaStats.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No CinemaStats.sln above {AppContext.BaseDirectory}: run the tests from a checkout.");
    }
}
