using System.Globalization;

namespace CinemaStats.LoadTest;

/// <summary>
/// CPU time used so far by a process and its descendants, read from /proc (Linux only; zero
/// elsewhere): the web server started through the AppHost, or this load generator with the
/// Chromium it drives, told apart from each other and from anything else on the machine.
/// </summary>
public static class ProcessCpu
{
    public static TimeSpan UsedByTree(int root)
    {
        if (!Directory.Exists("/proc"))
        {
            return TimeSpan.Zero;
        }
        var processes = new Dictionary<int, (int Parent, long Ticks)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }
            try
            {
                // after "pid (name) ": state, ppid, …; utime and stime are the 12th and 13th fields
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                processes[pid] = (int.Parse(fields[1], CultureInfo.InvariantCulture),
                    long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // the process ended meanwhile, or is not ours to read
            }
        }
        var ticks = processes.Where(p => p.Key == root || DescendsFrom(p.Key)).Sum(p => p.Value.Ticks);
        return TimeSpan.FromSeconds(ticks / 100.0); // USER_HZ is 100 on Linux

        bool DescendsFrom(int pid)
        {
            for (var depth = 0; depth < 32 && processes.TryGetValue(pid, out var p) && p.Parent > 1; depth++, pid = p.Parent)
            {
                if (p.Parent == root)
                {
                    return true;
                }
            }
            return false;
        }
    }
}
