namespace CinemaStats.Benchmarks.Throughput;

/// <summary>This process's peak resident memory (VmHWM in /proc/self/status), in MiB.</summary>
public static class PeakMemory
{
    public static double MiB()
    {
        const string path = "/proc/self/status";
        if (!File.Exists(path))
        {
            throw new PlatformNotSupportedException("Peak memory is read from /proc/self/status: run this on Linux.");
        }
        var line = File.ReadLines(path).First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        var kib = long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        return kib / 1024.0;
    }
}
