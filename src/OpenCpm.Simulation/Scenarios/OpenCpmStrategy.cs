using OpenCpm.Core.LoadManagement;

namespace OpenCpm.Simulation.Scenarios;

/// <summary>The controller's own allocator, exactly as <c>opencpm run</c> uses it.</summary>
public sealed class OpenCpmStrategy(SiteSettings settings, TimeProvider timeProvider) : IAllocationStrategy
{
    private readonly Allocator _allocator = new(settings, timeProvider);
    private Allocation? _last;

    public string Name => "opencpm";

    public int SafetyCorrections { get; private set; }

    /// <summary>The minimum current learned for the vehicle at a charge point in the last allocation, if any.</summary>
    public double? LearnedMinimumA(int chargePoint) => _last?.LearnedMinimumA[chargePoint];

    public void Allocate(ReadOnlySpan<ChargePointDemand> demands, SiteConditions site, double[] setpointA, PhaseSet[] gridPhases)
    {
        var allocation = _allocator.Allocate(demands, site);
        _last = allocation;
        allocation.SetpointA.CopyTo(setpointA, 0);
        allocation.GridPhases.CopyTo(gridPhases, 0);
        SafetyCorrections += allocation.SafetyCorrections;
    }
}
