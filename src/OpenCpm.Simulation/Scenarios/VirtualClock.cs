namespace OpenCpm.Simulation.Scenarios;

/// <summary>The scenario's virtual time, handed to the allocator as its <see cref="TimeProvider"/>.</summary>
internal sealed class VirtualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
