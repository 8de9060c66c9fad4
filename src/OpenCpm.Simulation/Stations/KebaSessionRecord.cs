using OpenCpm.Protocols.Keba;

namespace OpenCpm.Simulation.Stations;

/// <summary>One entry of a simulated station's data logger (report 100…130).</summary>
internal sealed class KebaSessionRecord
{
    public long SessionId { get; init; }

    public int HardwareCurrentMilliA { get; init; }

    public long StartEnergyTenthsWh { get; init; }

    public long EnergyTenthsWh { get; set; }

    public KebaStationTime StartedAt { get; init; }

    public KebaStationTime EndedAt { get; set; }

    /// <summary>The clock's <c>timeQ</c> when the session started.</summary>
    public int TimeQuality { get; init; }

    public int Reason { get; set; }

    public string RfidTag { get; set; } = KebaStationModel.NoTag;

    public string RfidClass { get; set; } = KebaStationModel.NoClass;

    public bool IsEnded => Reason != 0;
}
