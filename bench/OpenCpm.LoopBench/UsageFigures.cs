namespace OpenCpm.LoopBench;

/// <summary>A process over a window: CPU in % of one core, resident memory at the end and at its highest (MB).</summary>
public sealed record UsageFigures(double CpuPercent, double RssMb, double PeakRssMb);
