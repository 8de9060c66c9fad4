namespace OpenCpm.Meter;

/// <summary>A test reading: the reading (null when there is none), why not, and how long the meter took to answer.</summary>
internal sealed record MeterProbeResult(GridMeterReading? Reading, string? Problem, TimeSpan Took)
{
    public static MeterProbeResult Failed(string problem) => new(null, problem, TimeSpan.Zero);
}
