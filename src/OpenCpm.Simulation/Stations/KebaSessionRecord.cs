namespace OpenCpm.Simulation.Stations;

/// <summary>One entry of a simulated station's data logger (report 100…130).</summary>
internal sealed class KebaSessionRecord
{
    public long SessionId { get; init; }

    public int HardwareCurrentMilliA { get; init; }

    public long StartEnergyTenthsWh { get; init; }

    public long EnergyTenthsWh { get; set; }

    public long StartedUptimeS { get; init; }

    public long EndedUptimeS { get; set; }

    public string Started { get; init; } = "";

    public string Ended { get; set; } = "";

    public int Reason { get; set; }

    public string RfidTag { get; set; } = KebaStationModel.NoTag;

    public string RfidClass { get; set; } = KebaStationModel.NoClass;

    public bool IsEnded => Reason != 0;
}
