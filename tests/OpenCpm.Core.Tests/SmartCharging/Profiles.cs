using OpenCpm.Core.SmartCharging;

namespace OpenCpm.Core.Tests.SmartCharging;

/// <summary>Short builders for the profiles of the tests.</summary>
internal static class Profiles
{
    public static readonly DateTimeOffset T0 = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static ChargingProfile Absolute(
        int id, ChargingProfilePurpose purpose, int stackLevel, DateTimeOffset? start, int? durationS, params (int StartS, double Limit)[] periods) =>
        Make(id, purpose, stackLevel, ChargingProfileKind.Absolute, start, durationS, ChargingRateUnit.A, periods);

    public static ChargingProfile Make(
        int id, ChargingProfilePurpose purpose, int stackLevel, ChargingProfileKind kind, DateTimeOffset? start, int? durationS, ChargingRateUnit unit,
        params (int StartS, double Limit)[] periods) => new()
        {
            Id = id,
            StackLevel = stackLevel,
            Purpose = purpose,
            Kind = kind,
            Schedule = new ChargingSchedule
            {
                Unit = unit,
                StartSchedule = start,
                DurationS = durationS,
                Periods = [.. periods.Select(p => new ChargingSchedulePeriod(p.StartS, p.Limit))],
            },
        };

    public static string Show(CompositeSchedule schedule) => string.Join(", ", schedule.Periods.Select(p => $"{p.StartPeriodS}:{p.Limit:0.###}"));
}
