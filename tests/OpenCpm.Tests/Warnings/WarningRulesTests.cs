using OpenCpm.Backend;
using OpenCpm.Control;
using OpenCpm.Core.LoadManagement;
using OpenCpm.Data;
using OpenCpm.Meter;
using OpenCpm.Stations;
using OpenCpm.Tests.Control.Fakes;
using OpenCpm.Warnings;

namespace OpenCpm.Tests.Warnings;

/// <summary>Which conditions of a site snapshot reach the operator, and in which words.</summary>
public sealed class WarningRulesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);

    private static SiteSnapshot Site(AllocationSummary? allocation = null, GridMeterSnapshot? meter = null, params ChargePointSnapshot[] chargePoints) => new()
    {
        ChargePoints = chargePoints,
        Allocation = allocation ?? AllocationSummary.Empty,
        Meter = meter ?? GridMeterSnapshot.NotConfigured,
        Backend = BackendStatus.NotConfigured,
        Controller = ControllerStatistics.None,
    };

    private static ChargePointSnapshot Station(string id, bool online, DateTimeOffset? lastSeen, DateTimeOffset? unresponsiveSince = null, string? commandProblem = null) => new()
    {
        Installation = new ChargePointInstallation { Settings = new ChargePointSettings { Id = id }, Address = "127.25.0.11" },
        Driver = new FakeStation(id, TimeProvider.System, new StationJournal(), PhaseSet.AllThree),
        Status = new StationStatus { ChargePointId = id, Online = online, LastSeen = lastSeen },
        UnresponsiveSince = unresponsiveSince,
        CommandProblem = commandProblem,
    };

    [Fact]
    public void A_station_that_stops_answering_is_unreachable_and_one_never_heard_only_after_the_start_up_grace()
    {
        var site = Site(null, null, Station("cp1", online: false, lastSeen: T0), Station("cp2", online: false, lastSeen: null), Station("cp3", online: true, lastSeen: T0));

        var early = WarningRules.Of(site, TimeSpan.FromSeconds(10)).ToList();
        var late = WarningRules.Of(site, WarningRules.StartupGrace).ToList();

        var cp1 = Assert.Single(early);
        Assert.Equal(("station:cp1", EventSeverity.Warning, "Station cp1 (127.25.0.11) does not answer: its failsafe or last current stays reserved for it until it is heard again."), (cp1.Key, cp1.Level, cp1.Message));
        Assert.Equal("Station cp1 (127.25.0.11) answers again.", cp1.ClearedMessage);
        Assert.Equal(["station:cp1", "station:cp2"], late.Select(w => w.Key));
        Assert.StartsWith("Station cp2 (127.25.0.11) has not answered since the controller started", late[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_station_that_did_not_acknowledge_a_setpoint_is_named_with_the_command()
    {
        var site = Site(null, null, Station("cp1", online: true, lastSeen: T0, unresponsiveSince: T0, commandProblem: "the setpoint of 10 A was not acknowledged (no answer in time)"));

        var warning = Assert.Single(WarningRules.Of(site, TimeSpan.FromMinutes(5)));

        Assert.Equal(
            "Station cp1 (127.25.0.11): the setpoint of 10 A was not acknowledged (no answer in time); it counts as unreachable, its current reserved, until it answers again.",
            warning.Message);
    }

    [Fact]
    public void The_allocators_findings_are_raised_and_cleared_only_after_they_stayed_away_a_minute()
    {
        var allocation = AllocationSummary.Empty with { SafetyCorrections = 2, ImplausibleStationCurrents = PhaseSet.Of(Phase.L2), UnreachableReservedExcessA = 4.26 };

        var findings = WarningRules.Of(Site(allocation), TimeSpan.Zero).ToList();

        Assert.Equal(
            [("safetyCorrections", EventSeverity.Error), ("implausibleStationCurrents", EventSeverity.Warning), ("unreachableReservedExcess", EventSeverity.Warning)],
            findings.Select(f => (f.Key, f.Level)));
        Assert.All(findings, f => Assert.Equal(WarningRules.AllocationClearAfter, f.ClearAfter));
        Assert.Contains("on L2 than the grid meter measures", findings[1].Message, StringComparison.Ordinal);
        Assert.Contains("exceed a limit by 4.3 A", findings[2].Message, StringComparison.Ordinal);
        Assert.Empty(WarningRules.Of(Site(), TimeSpan.Zero));
    }

    [Fact]
    public void A_lost_meter_says_whether_charging_stops_or_shares_the_fallback_power()
    {
        var stops = new GridMeterSnapshot(new GridMeterSettings { ProfileId = "cg-em24-e1", Host = "127.25.0.5" }, GridMeterState.Lost, null, "Connection refused.");
        var fallback = stops with { Settings = stops.Settings with { FallbackPowerW = 11000 } };

        Assert.Equal(
            "The grid meter is lost (Connection refused): charging is stopped until it answers again (no meter fallback power is set).",
            Assert.Single(WarningRules.Of(Site(meter: stops), TimeSpan.Zero)).Message);
        Assert.Equal(
            "The grid meter is lost (Connection refused): all charging shares the meter fallback power of 11000 W until it answers again.",
            Assert.Single(WarningRules.Of(Site(meter: fallback), TimeSpan.Zero)).Message);
        Assert.Empty(WarningRules.Of(Site(meter: stops with { State = GridMeterState.Stale }), TimeSpan.Zero));
    }

    [Fact]
    public void Settings_the_control_loop_refused_are_an_error_that_says_whether_it_runs_on_the_last_valid_ones()
    {
        var refused = Site() with { Controller = ControllerStatistics.None with { SettingsProblem = new SettingsProblem("The site's maximum current must be at most 4000 A but is 5000 A.", LastValidKept: false) } };
        var kept = refused with { Controller = refused.Controller with { SettingsProblem = refused.Controller.SettingsProblem! with { LastValidKept = true } } };

        var warning = Assert.Single(WarningRules.Of(refused, TimeSpan.Zero));

        Assert.Equal(("settings", EventSeverity.Error, WarningRules.LoadManagementSource), (warning.Key, warning.Level, warning.Source));
        Assert.Equal(
            "The stored settings are invalid (The site's maximum current must be at most 4000 A but is 5000 A): load management can't run, no station gets a command and each falls back to its failsafe current until they are corrected.",
            warning.Message);
        Assert.Equal(
            "The stored settings are invalid (The site's maximum current must be at most 4000 A but is 5000 A): load management goes on with the last valid settings until they are corrected.",
            Assert.Single(WarningRules.Of(kept, TimeSpan.Zero)).Message);
    }
}
