namespace OpenCpm.Core.LoadManagement;

/// <summary>
/// The allocator's entry checks: a number that is not finite (NaN, ±∞) never reaches the computation, where NaN
/// would compare as "no limit". Each is replaced by the safest value it could stand for: a limit by 0 A (no
/// charging under a limit nobody can read), a measured current by 0 A (the household estimate grows, headroom
/// shrinks), a commanded setpoint by the charge point's maximum (its current stays reserved), and a meter reading
/// by a lost meter (the fallback applies).
/// </summary>
public sealed partial class Allocator
{
    private ChargePointDemand[] _checkedDemands = [];

    private static SiteConditions Checked(SiteConditions site) => site with
    {
        Meter = site.Meter == MeterState.Ok && !IsFinite(site.MeterCurrentA) ? MeterState.Lost : site.Meter,
        OcppSiteLimitA = CheckedLimit(site.OcppSiteLimitA),
        ApiSiteLimitA = CheckedLimit(site.ApiSiteLimitA),
    };

    private ReadOnlySpan<ChargePointDemand> Checked(ReadOnlySpan<ChargePointDemand> demands)
    {
        var allFinite = true;
        foreach (ref readonly var d in demands)
        {
            allFinite &= IsFinite(d);
        }

        if (allFinite)
        {
            return demands;
        }

        if (_checkedDemands.Length != demands.Length)
        {
            _checkedDemands = new ChargePointDemand[demands.Length];
        }

        for (var i = 0; i < demands.Length; i++)
        {
            var d = demands[i];
            _checkedDemands[i] = IsFinite(d) ? d : d with
            {
                MeasuredCurrentA = new PhaseCurrents(Measured(d.MeasuredCurrentA.L1), Measured(d.MeasuredCurrentA.L2), Measured(d.MeasuredCurrentA.L3)),
                CommandedSetpointA = double.IsFinite(d.CommandedSetpointA) ? d.CommandedSetpointA : _model.ChargePoints[i].MaxCurrentA,
                HardwareLimitA = CheckedLimit(d.HardwareLimitA),
                OcppLimitA = CheckedLimit(d.OcppLimitA),
                ApiLimitA = CheckedLimit(d.ApiLimitA),
                UserLimitA = CheckedLimit(d.UserLimitA),
            };
        }

        return _checkedDemands;
    }

    private static bool IsFinite(in ChargePointDemand d) =>
        IsFinite(d.MeasuredCurrentA) && double.IsFinite(d.CommandedSetpointA) && IsFinite(d.HardwareLimitA) && IsFinite(d.OcppLimitA)
        && IsFinite(d.ApiLimitA) && IsFinite(d.UserLimitA);

    private static bool IsFinite(PhaseCurrents c) => double.IsFinite(c.L1) && double.IsFinite(c.L2) && double.IsFinite(c.L3);

    private static bool IsFinite(double? limit) => limit is not { } value || double.IsFinite(value);

    private static double? CheckedLimit(double? limit) => limit is { } value && !double.IsFinite(value) ? 0 : limit;

    private static double Measured(double currentA) => double.IsFinite(currentA) ? currentA : 0;
}
