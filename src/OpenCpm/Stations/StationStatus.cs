using OpenCpm.Core.ChargePoints;
using OpenCpm.Core.LoadManagement;

namespace OpenCpm.Stations;

/// <summary>An immutable snapshot of one charge point as its driver last saw it. Currents and phases are per station conductor.</summary>
public sealed record StationStatus
{
    public required string ChargePointId { get; init; }

    /// <summary>Never <see cref="ChargePointState.Queued"/> (that is the controller's to set).</summary>
    public ChargePointState State { get; init; } = ChargePointState.Offline;

    public bool Online { get; init; }

    public bool VehiclePlugged { get; init; }

    public PhaseCurrents CurrentsA { get; init; }

    /// <summary>When <see cref="CurrentsA"/> was measured (the station's report arrived); null before the first.</summary>
    public DateTimeOffset? CurrentsMeasuredAt { get; init; }

    public PhaseVoltages VoltagesV { get; init; }

    public double PowerW { get; init; }

    public double SessionEnergyWh { get; init; }

    public double TotalEnergyWh { get; init; }

    /// <summary>Station phases the vehicle draws on, learned from the currents of this session (empty until it has drawn).</summary>
    public PhaseSet ActivePhases { get; init; }

    public bool AuthorizationRequired { get; init; }

    public bool Authorized { get; init; }

    /// <summary>Tag of the running (or last) session, 16 hex digits; null when none or not known.</summary>
    public string? RfidTag { get; init; }

    /// <summary>Hardware limit (DIP switches, cable); 0 when the station does not say.</summary>
    public double HardwareMaxCurrentA { get; init; }

    /// <summary>What the pilot offers the vehicle now (KEBA <c>Max curr</c>).</summary>
    public double OfferedCurrentA { get; init; }

    /// <summary>The setpoint the station holds (KEBA <c>Curr user</c>).</summary>
    public double SetpointA { get; init; }

    public bool EnabledByUser { get; init; }

    public double FailsafeCurrentA { get; init; }

    public int FailsafeTimeoutS { get; init; }

    /// <summary>0 = none.</summary>
    public int ErrorCode { get; init; }

    /// <summary>Why the controller can't use the station although it answers (a sentence for people); null when none.</summary>
    public string? Problem { get; init; }

    public DateTimeOffset? LastSeen { get; init; }
}
