using System.Runtime.InteropServices;

namespace CinemaStats.Benchmarks;

/// <summary>The machine a benchmark ran on, in one line, for the report.</summary>
public static class MachineInfo
{
    public static string Describe()
    {
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        return $"machine: {Environment.ProcessorCount} cores, {memory:F0} GiB RAM, {RuntimeInformation.OSDescription}, " +
               $".NET {Environment.Version}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC";
    }
}
