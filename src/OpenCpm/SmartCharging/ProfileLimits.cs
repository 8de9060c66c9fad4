using System.Collections.Immutable;
using OpenCpm.Core.SmartCharging;

namespace OpenCpm.SmartCharging;

/// <summary>
/// What the installed profiles allow right now, as the control loop takes it: a limit per phase for all charging
/// (ChargePointMaxProfile and the connector-0 TxDefaultProfile) and one per charge point (by id), valid from
/// <see cref="At"/> until <see cref="NextChangeAt"/>.
/// </summary>
internal sealed record ProfileLimits(
    DateTimeOffset At, DateTimeOffset? NextChangeAt, ConnectorLimit? Site, ImmutableDictionary<string, ConnectorLimit> ByChargePoint)
{
    public static ProfileLimits None { get; } = new(DateTimeOffset.MinValue, null, null, ImmutableDictionary<string, ConnectorLimit>.Empty);

    public ConnectorLimit? For(string chargePointId) => ByChargePoint.TryGetValue(chargePointId, out var limit) ? limit : null;
}
