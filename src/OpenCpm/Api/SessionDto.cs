using OpenCpm.Core.Sessions;

namespace OpenCpm.Api;

/// <summary>A charging session in the API (interfaces.md: id, chargePoint, idTag, start, end, energyWh, state, stopReason).</summary>
internal sealed record SessionDto(
    long Id,
    string ChargePoint,
    string? IdTag,
    DateTimeOffset Start,
    DateTimeOffset? End,
    double EnergyWh,
    string State,
    StopReason? StopReason,
    double MeterStartWh,
    double? MeterEndWh)
{
    public static SessionDto From(ChargingSession s) =>
        new(s.Id, s.ChargePoint, s.IdTag, s.Start, s.End, Rounding.WattHours(s.EnergyWh), s.State, s.StopReason, Rounding.WattHours(s.MeterStartWh), Rounding.WattHours(s.MeterEndWh));
}
