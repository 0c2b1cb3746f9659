using Xunit;

namespace CinemaStats.TestSupport;

/// <summary>
/// What to do when something a test needs is missing. Under <c>CI=true</c> the test fails with
/// how to fix it; elsewhere it is skipped with the same words, never silently.
/// </summary>
public static class Requirement
{
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static void Missing(string what)
    {
        if (IsCi)
        {
            Assert.Fail($"{what} (CI=true: this suite must run; ./test.sh installs what it needs).");
        }
        Assert.Skip(what);
    }

    /// <summary>
    /// Container-based suites (LocalStack) run where a container runtime is usable. Where
    /// <c>CINEMASTATS_REQUIRE_DOCKER=true</c> (GitHub Actions) a missing runtime fails them;
    /// elsewhere they are skipped with the reason, since no install step can add a daemon.
    /// </summary>
    public static void MissingContainerRuntime(string why)
    {
        var required = string.Equals(Environment.GetEnvironmentVariable("CINEMASTATS_REQUIRE_DOCKER"), "true", StringComparison.OrdinalIgnoreCase);
        var message = $"No usable container runtime for LocalStack: {why}";
        if (required)
        {
            Assert.Fail(message + " (CINEMASTATS_REQUIRE_DOCKER=true).");
        }
        Assert.Skip(message);
    }
}
