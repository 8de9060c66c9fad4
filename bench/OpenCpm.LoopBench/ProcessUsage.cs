using System.Globalization;

namespace OpenCpm.LoopBench;

/// <summary>
/// CPU time used so far and resident memory of a process, read from /proc (Linux): fields utime and stime of
/// /proc/PID/stat, VmRSS of /proc/PID/status.
/// </summary>
public sealed record ProcessUsage(TimeSpan Cpu, long RssBytes)
{
    /// <summary>Clock ticks per second of /proc/PID/stat (USER_HZ, 100 on every Linux the bench runs on).</summary>
    private const double TicksPerSecond = 100;

    public static ProcessUsage Read(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");

        // The command name (field 2) may contain spaces; the fields after its closing parenthesis start with field 3.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        var rssKb = File.ReadLines($"/proc/{pid}/status")
            .Where(line => line.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Select(line => long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture))
            .FirstOrDefault();
        return new ProcessUsage(TimeSpan.FromSeconds(ticks / TicksPerSecond), rssKb * 1024);
    }
}
