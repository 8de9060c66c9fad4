using OpenCpm.Core.SmartCharging;

namespace OpenCpm.Api;

/// <summary>An installed charging profile as the operator sees it, with the limit its own schedule sets right now.</summary>
internal sealed record ChargingProfileDto(
    int ChargingProfileId,
    int ConnectorId,
    string? ChargePoint,
    string Purpose,
    int StackLevel,
    string Kind,
    string? Recurrency,
    DateTimeOffset? ValidFrom,
    DateTimeOffset? ValidTo,
    int? TransactionId,
    DateTimeOffset InstalledAt,
    string Unit,
    DateTimeOffset? StartSchedule,
    int? DurationS,
    double? MinChargingRate,
    IReadOnlyList<ChargingSchedulePeriodDto> Periods,
    double? LimitNow)
{
    public static ChargingProfileDto From(InstalledChargingProfile installed, string? chargePoint, double? limitNow)
    {
        ArgumentNullException.ThrowIfNull(installed);
        var p = installed.Profile;
        return new ChargingProfileDto(
            p.Id, installed.ConnectorId, chargePoint, p.Purpose.ToString(), p.StackLevel, p.Kind.ToString(), p.Recurrency?.ToString(),
            p.ValidFrom, p.ValidTo, p.TransactionId, installed.InstalledAt, p.Schedule.Unit.ToString(), p.Schedule.StartSchedule, p.Schedule.DurationS,
            p.Schedule.MinChargingRate, [.. p.Schedule.Periods.Select(x => new ChargingSchedulePeriodDto(x.StartPeriodS, x.Limit, x.NumberPhases))], limitNow);
    }
}
