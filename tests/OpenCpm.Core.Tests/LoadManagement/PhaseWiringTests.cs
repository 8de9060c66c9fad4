using OpenCpm.Core.LoadManagement;

namespace OpenCpm.Core.Tests.LoadManagement;

public sealed class PhaseWiringTests
{
    [Theory]
    [InlineData(PhaseRotation.L1L2L3, Phase.L1, Phase.L1)]
    [InlineData(PhaseRotation.L2L3L1, Phase.L1, Phase.L2)]
    [InlineData(PhaseRotation.L2L3L1, Phase.L3, Phase.L1)]
    [InlineData(PhaseRotation.L3L1L2, Phase.L1, Phase.L3)]
    [InlineData(PhaseRotation.L3L1L2, Phase.L2, Phase.L1)]
    public void Maps_station_conductors_to_grid_phases(PhaseRotation rotation, Phase station, Phase grid)
    {
        Assert.Equal(grid, rotation.GridPhaseOf(station));
        Assert.Equal(station, rotation.StationPhaseOn(grid));
    }

    [Fact]
    public void Moves_station_currents_onto_the_grid_phases_of_a_rotated_station() =>
        Assert.Equal(new PhaseCurrents(3, 1, 2), PhaseRotation.L2L3L1.ToGrid(new PhaseCurrents(1, 2, 3)));

    [Fact]
    public void A_single_phase_station_loads_only_its_grid_phase_whatever_the_vehicle()
    {
        var cp = new ChargePointSettings { Id = "s", Connection = PhaseConnection.SinglePhase, SinglePhase = Phase.L3 };

        Assert.Equal(PhaseSet.Of(Phase.L3), cp.GridPhasesFor(PhaseSet.AllThree));
        Assert.Equal(PhaseSet.Of(Phase.L3), cp.WiredGridPhases);
    }

    [Fact]
    public void A_two_phase_vehicle_on_a_rotated_station_loads_the_rotated_phases()
    {
        var cp = new ChargePointSettings { Id = "r", Rotation = PhaseRotation.L3L1L2 };

        Assert.Equal(new PhaseSet(0b101), cp.GridPhasesFor(PhaseSet.First(2)));
    }

    [Fact]
    public void Learns_the_vehicle_phases_from_measured_currents_and_only_widens_them()
    {
        var detector = new VehiclePhaseDetector();

        Assert.Equal(PhaseSet.None, detector.Observe(new PhaseCurrents(0.2, 0, 0)));
        Assert.Equal(PhaseSet.Of(Phase.L1), detector.Observe(new PhaseCurrents(16, 0.3, 0.1)));
        Assert.Equal(PhaseSet.First(2), detector.Observe(new PhaseCurrents(16, 15, 0)));
        Assert.Equal(PhaseSet.First(2), detector.Observe(new PhaseCurrents(0, 0, 0)));

        detector.Reset();
        Assert.Equal(PhaseSet.None, detector.Phases);
    }
}
