using System.Diagnostics;

namespace CinemaStats.Benchmarks.Throughput;

/// <summary>CPU time used so far by every thread of this process: steadier than wall time on a busy machine.</summary>
public static class ProcessCpu
{
    public static TimeSpan Now()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
