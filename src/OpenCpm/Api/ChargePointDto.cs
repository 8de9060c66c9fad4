using OpenCpm.Control;

namespace OpenCpm.Api;

/// <summary>A charge point as the API shows it (shared/specs/interfaces.md, "charge point").</summary>
internal sealed record ChargePointDto
{
    public required string Id { get; init; }

    public string? Serial { get; init; }

    public string? Address { get; init; }

    public int ConnectorId { get; init; }

    public string? Cluster { get; init; }

    public string? DisplayName { get; init; }

    /// <summary>idle, connected, charging, suspendedByEv, suspendedByController, queued, error or offline.</summary>
    public required string State { get; init; }

    public double SetpointA { get; init; }

    /// <summary>The setpoint the station acknowledged last (null until the controller sent one).</summary>
    public double? CommandedA { get; init; }

    /// <summary>
    /// The current on each of the station's own conductors (the station's L1, L2 and L3 terminals, as it measures
    /// them): a single-phase car draws on the station's L1 whichever grid phase that is wired to. See
    /// <see cref="GridCurrentA"/> for the grid phases.
    /// </summary>
    public required PhaseCurrentsDto CurrentA { get; init; }

    /// <summary>
    /// The same currents on the grid phases L1, L2 and L3, after the station's wiring (phase rotation, or the grid
    /// phase a single-phase station is connected to): what this charge point adds to each phase of the site.
    /// </summary>
    public required PhaseCurrentsDto GridCurrentA { get; init; }

    public required PhaseCurrentsDto VoltageV { get; init; }

    public double PowerW { get; init; }

    public double SessionEnergyWh { get; init; }

    public double TotalEnergyWh { get; init; }

    public int PhasesInUse { get; init; }

    /// <summary>Which limit bound the setpoint: <c>site:L2</c>, <c>cluster:garage</c>, <c>vehicle</c>, <c>queue</c>…</summary>
    public required string LimitedBy { get; init; }

    public bool Online { get; init; }

    public DateTimeOffset? LastSeen { get; init; }

    public bool AuthorizationRequired { get; init; }

    public string? RfidTag { get; init; }

    public static ChargePointDto From(ChargePointSnapshot e)
    {
        var s = e.Status;
        var state = e.State.ToString();
        return new ChargePointDto
        {
            Id = e.Id,
            Serial = e.Installation.Serial ?? e.Capabilities?.Serial,
            Address = e.Installation.Address,
            ConnectorId = e.Installation.ConnectorId,
            Cluster = e.Installation.Settings.Cluster,
            DisplayName = e.Installation.DisplayName,
            State = char.ToLowerInvariant(state[0]) + state[1..],
            SetpointA = Rounding.Amperes(e.SetpointA),
            CommandedA = Rounding.Amperes(e.CommandedA),
            CurrentA = PhaseCurrentsDto.From(s.CurrentsA),
            GridCurrentA = PhaseCurrentsDto.From(e.Installation.Settings.ToGrid(s.CurrentsA)),
            VoltageV = PhaseCurrentsDto.FromVolts(s.VoltagesV.L1V, s.VoltagesV.L2V, s.VoltagesV.L3V),
            PowerW = Rounding.Watts(s.PowerW),
            SessionEnergyWh = Rounding.WattHours(s.SessionEnergyWh),
            TotalEnergyWh = Rounding.WattHours(s.TotalEnergyWh),
            PhasesInUse = s.ActivePhases.Count,
            LimitedBy = e.LimitedBy.ToString(),
            Online = s.Online,
            LastSeen = s.LastSeen,
            AuthorizationRequired = s.AuthorizationRequired,
            RfidTag = s.RfidTag,
        };
    }
}
