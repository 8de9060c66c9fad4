using OpenCpm.Core.LoadManagement;

namespace OpenCpm.Simulation.Scenarios;

/// <summary>A way of computing setpoints, so the scenario runner can compare OpenCPM with the manual's plain rule.</summary>
public interface IAllocationStrategy
{
    /// <summary>The name printed in the report (<c>opencpm</c> or <c>equal-share</c>).</summary>
    string Name { get; }

    /// <summary>Computes one setpoint per charge point and the grid phases each is counted on.</summary>
    void Allocate(ReadOnlySpan<ChargePointDemand> demands, SiteConditions site, double[] setpointA, PhaseSet[] gridPhases);
}
