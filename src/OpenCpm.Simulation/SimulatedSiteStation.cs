using System.Net;
using OpenCpm.Core.LoadManagement;
using OpenCpm.Simulation.Site;
using OpenCpm.Simulation.Stations;
using OpenCpm.Simulation.Vehicles;

namespace OpenCpm.Simulation;

/// <summary>
/// One station of a <see cref="SimulatedSite"/>: the simulated P30 plus its wiring. Plugging, unplugging and
/// cards update the site's meter at once.
/// </summary>
public sealed class SimulatedSiteStation
{
    private readonly SimulatedSite _site;

    internal SimulatedSiteStation(SimulatedSite site, int index, StationSetup setup, SimulatedKebaStation station)
    {
        _site = site;
        Index = index;
        Setup = setup;
        Station = station;
    }

    /// <summary>0-based position in the site.</summary>
    public int Index { get; }

    public StationSetup Setup { get; }

    public IPAddress Address => Setup.Address;

    public string Serial => Setup.Profile.Serial;

    public StationWiring Wiring => Setup.Wiring;

    /// <summary>The simulated P30 itself (faults, reports, reboot).</summary>
    public SimulatedKebaStation Station { get; }

    /// <summary>Plugs a vehicle in (replacing one already plugged).</summary>
    public void PlugIn(VehicleSpec vehicle)
    {
        Station.PlugIn(vehicle);
        _site.UpdateMeter();
    }

    public void Unplug()
    {
        Station.Unplug();
        _site.UpdateMeter();
    }

    /// <summary>Holds an RFID card to the reader.</summary>
    public void PresentCard(string tag)
    {
        Station.PresentCard(tag);
        _site.UpdateMeter();
    }

    /// <summary>Currents on the station's own conductors L1..L3 now (a vehicle charges on the first of them).</summary>
    public PhaseCurrents StationCurrents() => Station.Inspect(CurrentsOf);

    /// <summary>What the station draws on each grid phase now, through its wiring.</summary>
    public PhaseCurrents GridCurrents() => Wiring.ToGrid(StationCurrents());

    /// <summary>The plugged vehicle's state of charge now, or null when none is plugged.</summary>
    public double? VehicleSoc() => Station.Inspect(m => m.Vehicle?.Soc);

    private static PhaseCurrents CurrentsOf(KebaStationModel model)
    {
        if (model.Vehicle is not { } vehicle)
        {
            return PhaseCurrents.Zero;
        }

        var drawA = vehicle.DrawA;
        var phases = model.Profile.SupportsPhaseSwitch && model.PhaseSwitch == 0 ? 1 : vehicle.Spec.Phases;
        return new PhaseCurrents(drawA, phases >= 2 ? drawA : 0, phases >= 3 ? drawA : 0);
    }
}
