using System.Diagnostics;

namespace CinemaStats.AppHost;

/// <summary>The storage mode the services run with, and why it was chosen.</summary>
public sealed record StorageChoice(string Mode, string Reason);

/// <summary>
/// Resolves <c>Storage:Mode</c>. <c>auto</c> picks <c>localstack</c> when a container runtime
/// answers and <c>filesystem</c> otherwise; the other modes are taken as asked.
/// </summary>
public static class StorageModeSelector
{
    public static readonly string[] Modes = ["auto", "filesystem", "localstack", "s3"];

    public static StorageChoice Resolve(string? configured, Func<ContainerRuntimeProbe> probe)
    {
        var mode = string.IsNullOrWhiteSpace(configured) ? "auto" : configured.Trim().ToLowerInvariant();
        if (!Modes.Contains(mode))
        {
            throw new InvalidOperationException(
                $"Storage:Mode is '{configured}'; use one of {string.Join(", ", Modes)}.");
        }
        if (mode != "auto")
        {
            return new StorageChoice(mode, "set by Storage:Mode");
        }
        var runtime = probe();
        return runtime.Available
            ? new StorageChoice("localstack", $"auto: {runtime.Description} answered, so LocalStack runs in a container")
            : new StorageChoice("filesystem", $"auto: no container runtime answered ({runtime.Description}), so objects live in a local folder");
    }
}

/// <summary>Whether a container runtime (Docker or Podman) answers here.</summary>
public sealed record ContainerRuntimeProbe(bool Available, string Description)
{
    public static ContainerRuntimeProbe Detect()
    {
        var notes = new List<string>();
        foreach (var runtime in new[] { "docker", "podman" })
        {
            var (ok, note) = Answers(runtime);
            if (ok)
            {
                return new ContainerRuntimeProbe(true, note);
            }
            notes.Add(note);
        }
        return new ContainerRuntimeProbe(false, string.Join("; ", notes));
    }

    private static (bool Ok, string Note) Answers(string runtime)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(runtime, "info --format {{.ServerVersion}}")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return (false, $"{runtime} did not start");
            }
            if (!process.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                process.Kill(entireProcessTree: true);
                return (false, $"{runtime} info did not answer within 5 s");
            }
            var version = process.StandardOutput.ReadToEnd().Trim();
            return process.ExitCode == 0 && version.Length > 0
                ? (true, $"{runtime} {version}")
                : (false, $"{runtime} is installed but its daemon does not answer");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return (false, $"{runtime} is not installed");
        }
    }
}
