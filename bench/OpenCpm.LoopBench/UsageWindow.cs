using System.Diagnostics;

namespace OpenCpm.LoopBench;

/// <summary>CPU (share of one core) and resident memory of one process over a window of wall-clock time.</summary>
public sealed class UsageWindow
{
    private readonly int _pid;
    private readonly ProcessUsage _start;
    private readonly long _startedAt;
    private long _peakRssBytes;

    private UsageWindow(int pid)
    {
        _pid = pid;
        _start = ProcessUsage.Read(pid);
        _startedAt = Stopwatch.GetTimestamp();
        _peakRssBytes = _start.RssBytes;
    }

    public static UsageWindow Begin(int pid) => new(pid);

    /// <summary>Takes one more memory reading (the peak is reported).</summary>
    public void Observe() => _peakRssBytes = Math.Max(_peakRssBytes, ProcessUsage.Read(_pid).RssBytes);

    public UsageFigures End()
    {
        var end = ProcessUsage.Read(_pid);
        var wall = Stopwatch.GetElapsedTime(_startedAt);
        var peak = Math.Max(_peakRssBytes, end.RssBytes);
        return new UsageFigures(
            Math.Round(100 * (end.Cpu - _start.Cpu).TotalSeconds / wall.TotalSeconds, 1),
            Math.Round(end.RssBytes / 1048576.0, 1),
            Math.Round(peak / 1048576.0, 1));
    }
}
