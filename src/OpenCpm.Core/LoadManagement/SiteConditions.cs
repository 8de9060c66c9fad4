namespace OpenCpm.Core.LoadManagement;

/// <summary>Site-wide live inputs of one allocation cycle: the grid meter and limits from outside.</summary>
public readonly record struct SiteConditions
{
    public MeterState Meter { get; init; }

    /// <summary>
    /// Current per phase at the grid connection as last read from the meter (positive = import). Used only while
    /// <see cref="Meter"/> is <see cref="MeterState.Ok"/>.
    /// </summary>
    public PhaseCurrents MeterCurrentA { get; init; }

    /// <summary>A limit per phase for all charging from an OCPP connector-0 profile; null = none.</summary>
    public double? OcppSiteLimitA { get; init; }

    /// <summary>A limit per phase for all charging set over the API; null = none.</summary>
    public double? ApiSiteLimitA { get; init; }
}
