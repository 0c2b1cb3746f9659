namespace CinemaStats.LoadTest;

/// <summary>
/// CPU time used so far by the processes whose command line names <paramref name="name"/> (read
/// from /proc; Linux only), to tell the web server's share of a run from the load generator's.
/// </summary>
public static class ProcessCpu
{
    public static TimeSpan Used(string name)
    {
        if (!Directory.Exists("/proc"))
        {
            return TimeSpan.Zero;
        }
        var ticks = 0L;
        foreach (var dir in Directory.EnumerateDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out _)))
        {
            try
            {
                if (!File.ReadAllText(Path.Combine(dir, "cmdline")).Contains(name, StringComparison.Ordinal))
                {
                    continue;
                }
                // fields after the command name: utime and stime are the 12th and 13th
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                ticks += long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // the process ended meanwhile
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        return TimeSpan.FromSeconds(ticks / 100.0); // USER_HZ is 100 on Linux
    }
}
