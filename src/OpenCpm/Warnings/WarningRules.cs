using System.Globalization;
using OpenCpm.Control;
using OpenCpm.Data;
using OpenCpm.Meter;

namespace OpenCpm.Warnings;

/// <summary>
/// Which operator-relevant conditions a <see cref="SiteSnapshot"/> shows (pure): stored settings the control loop
/// can't take in, the grid meter lost, a station that can't be reached or does not acknowledge its setpoints, and the
/// allocator's findings (safety corrections, station currents the meter can't account for, reservations for
/// unreachable stations above a limit).
/// </summary>
internal static class WarningRules
{
    public const string MeterSource = "meter";

    public const string StationSource = "stations";

    public const string LoadManagementSource = "loadManagement";

    /// <summary>How long after the start a station that was never heard counts as unreachable.</summary>
    public static readonly TimeSpan StartupGrace = TimeSpan.FromSeconds(60);

    /// <summary>How long an allocation figure must stay away before it counts as cleared (it is computed every cycle).</summary>
    public static readonly TimeSpan AllocationClearAfter = TimeSpan.FromMinutes(1);

    public const string StationKeyPrefix = "station:";

    public static IEnumerable<OperatorWarning> Of(SiteSnapshot site, TimeSpan sinceStart)
    {
        ArgumentNullException.ThrowIfNull(site);
        if (site.Controller.SettingsProblem is { } settings)
        {
            yield return Settings(settings);
        }

        if (Meter(site.Meter) is { } meter)
        {
            yield return meter;
        }

        foreach (var chargePoint in site.ChargePoints)
        {
            if (Station(chargePoint, sinceStart) is { } station)
            {
                yield return station;
            }
        }

        foreach (var finding in Allocation(site.Allocation))
        {
            yield return finding;
        }
    }

    private static OperatorWarning Settings(SettingsProblem problem)
    {
        var consequence = problem.LastValidKept
            ? "load management goes on with the last valid settings until they are corrected"
            : "load management can't run, no station gets a command and each falls back to its failsafe current until they are corrected";
        return new OperatorWarning(
            "settings",
            EventSeverity.Error,
            LoadManagementSource,
            $"The stored settings are invalid ({problem.Reason.TrimEnd('.')}): {consequence}.",
            "The settings are valid again: load management runs on them.");
    }

    private static OperatorWarning? Meter(GridMeterSnapshot meter)
    {
        if (meter.State != GridMeterState.Lost)
        {
            return null;
        }

        var why = meter.LastError is { Length: > 0 } error ? error.TrimEnd('.') : "no reading";
        var consequence = meter.Settings.StopsChargingWhenLost
            ? "charging is stopped until it answers again (no meter fallback power is set)"
            : F($"all charging shares the meter fallback power of {meter.Settings.FallbackPowerW:0} W until it answers again");
        return new OperatorWarning(
            "meter",
            EventSeverity.Warning,
            MeterSource,
            $"The grid meter is lost ({why}): {consequence}.",
            "The grid meter answers again: load management follows its readings.");
    }

    private static OperatorWarning? Station(ChargePointSnapshot cp, TimeSpan sinceStart)
    {
        var id = cp.Id;
        var where = cp.Installation.Address is { Length: > 0 } address ? $"Station {id} ({address})" : $"Station {id}";
        string? message;
        if (cp.Driver is null)
        {
            message = $"Charge point {id} can't be driven: {cp.DriverProblem ?? "no driver"}.";
        }
        else if (!cp.Status.Online)
        {
            message = cp.Status.Problem is { } problem ? $"{where} can't be used: {problem}."
                : cp.Status.LastSeen is not null ? $"{where} does not answer: its failsafe or last current stays reserved for it until it is heard again."
                : sinceStart >= StartupGrace ? $"{where} has not answered since the controller started: check its address, network and DIP switches."
                : null;
        }
        else
        {
            message = cp.UnresponsiveSince is not null
                ? $"{where}: {cp.CommandProblem ?? "a setpoint was not acknowledged"}; it counts as unreachable, its current reserved, until it answers again."
                : null;
        }

        return message is null ? null : new OperatorWarning(StationKeyPrefix + id, EventSeverity.Warning, StationSource, message, $"{where} answers again.");
    }

    private static IEnumerable<OperatorWarning> Allocation(AllocationSummary a)
    {
        if (a.SafetyCorrections > 0)
        {
            yield return new OperatorWarning(
                "safetyCorrections",
                EventSeverity.Error,
                LoadManagementSource,
                F($"The allocator's final check had to correct {a.SafetyCorrections} limit(s) of its own result: the setpoints were lowered to fit, but this is a fault of the load manager; please report it."),
                "The allocator's results need no correction any more.")
            { ClearAfter = AllocationClearAfter };
        }

        if (!a.ImplausibleStationCurrents.IsEmpty)
        {
            var phases = string.Join(", ", a.ImplausibleStationCurrents.Phases());
            yield return new OperatorWarning(
                "implausibleStationCurrents",
                EventSeverity.Warning,
                LoadManagementSource,
                $"The stations report more current on {phases} than the grid meter measures there: their reports are not trusted on that phase (check the meter's current transformers and wiring, and the stations' phase rotation settings).",
                "The stations' currents agree with the grid meter again.")
            { ClearAfter = AllocationClearAfter };
        }

        if (a.UnreachableReservedExcessA > 0.05)
        {
            yield return new OperatorWarning(
                "unreachableReservedExcess",
                EventSeverity.Warning,
                LoadManagementSource,
                F($"The currents reserved for unreachable stations alone exceed a limit by {a.UnreachableReservedExcessA:0.0} A, which the controller can't command away (check those stations and their failsafe currents)."),
                "The currents reserved for unreachable stations fit the limits again.")
            { ClearAfter = AllocationClearAfter };
        }
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
