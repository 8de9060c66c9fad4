using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using OpenCpm.Core.LoadManagement;
using OpenCpm.Protocols.Ocpp;
using OpenCpm.Settings;
using OpenCpm.SmartCharging;
using OpenCpm.Tests.Api;
using OpenCpm.Tests.Shared;

namespace OpenCpm.Tests.SmartCharging;

/// <summary>
/// The smart-charging service in the real host on a fake clock: profiles from the backend's calls, stored and in force
/// again after a restart, limits published at the boundary itself, TxProfiles tied to their transaction.
/// </summary>
public sealed class SmartChargingServiceTests
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly SiteSettings Site = new()
    {
        MaxCurrentA = 63,
        NominalVoltageV = 230,
        ChargePoints =
        [
            new ChargePointSettings { Id = "cp1", MaxCurrentA = 32 },
            new ChargePointSettings { Id = "cp2", MaxCurrentA = 16, Connection = PhaseConnection.SinglePhase, SinglePhase = Phase.L2 },
        ],
    };

    private static async Task<OpenCpmApplication> StartAsync(FakeTimeProvider time, string? dataDirectory = null, bool configure = true)
    {
        var app = await OpenCpmApplication.StartAsync(dataDirectory, time: time);
        if (configure)
        {
            await SiteSetup.ConfigureAsync(app.Service<SettingsService>(), Site, [FreePort.LoopbackAddress(), FreePort.LoopbackAddress()]);
        }

        return app;
    }

    [Fact]
    public async Task A_network_profile_is_stored_before_it_is_acknowledged_and_in_force_again_after_a_restart()
    {
        using var data = new TempDirectory();
        var time = new FakeTimeProvider(T0);
        await using (var app = await StartAsync(time, data.Path))
        {
            var backend = BackendCalls.Of(app);
            Assert.Equal("Accepted", await backend.SetChargingProfileAsync(BackendCalls.Profile(0, 11, "ChargePointMaxProfile", 0, T0, "A", (0, 40), (3600, 20))));
            Assert.Equal("Accepted", await backend.SetChargingProfileAsync(BackendCalls.Profile(2, 12, "TxDefaultProfile", 0, T0, "W", (0, 2300))));
            Assert.Equal(40, app.Service<SmartChargingService>().Limits.Current.Site!.Value.LimitA);
        }

        time.Advance(TimeSpan.FromHours(1));
        await using (var app = await StartAsync(time, data.Path, configure: false))
        {
            var service = app.Service<SmartChargingService>();
            Assert.Equal([11, 12], service.Profiles.Profiles.Select(p => p.Profile.Id).Order());
            var limits = service.Limits.Current;
            Assert.Equal(20, limits.Site!.Value.LimitA);
            Assert.Equal(10, limits.For("cp2")!.Value.LimitA, 6); // 2,300 W on a single-phase station at 230 V
            Assert.Equal(20, limits.For("cp1")!.Value.LimitA); // the network maximum holds for each station too
        }
    }

    [Fact]
    public async Task A_period_boundary_publishes_the_new_limit_at_that_very_instant_by_a_timer()
    {
        var time = new FakeTimeProvider(T0);
        await using var app = await StartAsync(time);
        var service = app.Service<SmartChargingService>();
        Assert.Equal("Accepted", await BackendCalls.Of(app).SetChargingProfileAsync(
            BackendCalls.Profile(0, 1, "ChargePointMaxProfile", 0, T0, "A", (0, 32), (600, 10), (900, 25))));
        var published = new List<(DateTimeOffset At, double? LimitA)>();
        using var subscription = service.Limits.Subscribe(l => published.Add((time.GetUtcNow(), l.Site?.LimitA)));
        Assert.Equal(T0.AddSeconds(600), service.Limits.Current.NextChangeAt);

        time.Advance(TimeSpan.FromSeconds(599.9));
        Assert.Empty(published);
        time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Equal((T0.AddSeconds(600), 10), Assert.Single(published));

        time.Advance(TimeSpan.FromSeconds(300));
        Assert.Equal((T0.AddSeconds(900), 25), published[^1]);
        Assert.Null(service.Limits.Current.NextChangeAt);
    }

    [Fact]
    public async Task A_tx_profile_needs_the_running_transaction_and_is_removed_when_it_ends()
    {
        var time = new FakeTimeProvider(T0);
        await using var app = await StartAsync(time);
        var service = app.Service<SmartChargingService>();
        var backend = BackendCalls.Of(app);
        var txProfile = BackendCalls.Profile(1, 5, "TxProfile", 0, T0, "A", (0, 8)).Replace("\"stackLevel\"", "\"transactionId\": 77, \"stackLevel\"", StringComparison.Ordinal);

        Assert.Equal("Rejected", await backend.SetChargingProfileAsync(txProfile));
        service.TransactionStarted(1, 76, T0);
        Assert.Equal("Rejected", await backend.SetChargingProfileAsync(txProfile));
        service.TransactionStarted(1, 77, T0);
        Assert.Equal("Accepted", await backend.SetChargingProfileAsync(txProfile));
        Assert.Equal(8, service.Limits.Current.For("cp1")!.Value.LimitA);

        await service.TransactionEndedAsync(1, 77, TestContext.Current.CancellationToken);

        Assert.Empty(service.Profiles.Profiles);
        Assert.Null(service.Limits.Current.For("cp1"));
    }

    [Fact]
    public async Task A_profile_is_lifted_at_its_validTo_removed_from_the_store_and_one_that_ended_while_stopped_is_gone_at_start()
    {
        using var data = new TempDirectory();
        var time = new FakeTimeProvider(T0);
        await using (var app = await StartAsync(time, data.Path))
        {
            var service = app.Service<SmartChargingService>();
            var backend = BackendCalls.Of(app);
            Assert.Equal("Accepted", await backend.SetChargingProfileAsync(ValidTo(BackendCalls.Profile(0, 3, "ChargePointMaxProfile", 1, T0, "A", (0, 20)), T0.AddMinutes(5))));
            Assert.Equal("Accepted", await backend.SetChargingProfileAsync(ValidTo(BackendCalls.Profile(0, 4, "ChargePointMaxProfile", 0, T0, "A", (0, 40)), T0.AddMinutes(10))));
            Assert.Equal((20, T0.AddMinutes(5)), (service.Limits.Current.Site!.Value.LimitA, service.Limits.Current.NextChangeAt));

            time.Advance(TimeSpan.FromMinutes(5));
            Assert.Equal(40, service.Limits.Current.Site!.Value.LimitA); // at that instant, by the timer
            await Eventually.TrueAsync(() => service.Profiles.Profiles.Count == 1, because: "profile 3 is removed once past its validTo");
            Assert.Equal(4, Assert.Single(service.Profiles.Profiles).Profile.Id);
        }

        time.Advance(TimeSpan.FromHours(1));
        await using (var app = await StartAsync(time, data.Path, configure: false))
        {
            var service = app.Service<SmartChargingService>();
            Assert.Empty(service.Profiles.Profiles);
            Assert.Null(service.Limits.Current.Site);
        }

        await using (var app = await StartAsync(time, data.Path, configure: false))
        {
            Assert.Empty(app.Service<SmartChargingService>().Profiles.Profiles); // deleted from the store, not only left out
        }
    }

    [Fact]
    public async Task The_composite_schedule_is_answered_in_the_unit_asked_for_and_an_unknown_connector_is_rejected()
    {
        var time = new FakeTimeProvider(T0.AddMilliseconds(400));
        await using var app = await StartAsync(time);
        var backend = BackendCalls.Of(app);
        Assert.Equal("Accepted", await backend.SetChargingProfileAsync(BackendCalls.Profile(0, 1, "ChargePointMaxProfile", 0, T0, "A", (0, 20), (120, 15.5))));
        Assert.Equal("Accepted", await backend.SetChargingProfileAsync(BackendCalls.Profile(1, 2, "TxDefaultProfile", 1, T0, "W", (0, 11000), (60, 4140))));
        time.Advance(TimeSpan.FromSeconds(10));

        var amps = backend.GetCompositeSchedule("""{"connectorId": 1, "duration": 300, "chargingRateUnit": "A"}""");
        Assert.Equal("Accepted", amps.GetProperty("status").GetString());
        Assert.Equal(T0.AddSeconds(10), amps.GetProperty("scheduleStart").GetDateTimeOffset());
        Assert.Equal("0:15.9 50:6", Periods(amps)); // 11,000 W / 690 V = 15.94 A shown as 15.9, 4,140 W = 6 A (below 15.5 A too, so no change at 110)

        var watts = backend.GetCompositeSchedule("""{"connectorId": 0, "duration": 300, "chargingRateUnit": "W"}""");
        Assert.Equal("0:13800 110:10695", Periods(watts)); // the network: 20 A then 15.5 A on three phases at 230 V

        Assert.Equal("Rejected", backend.GetCompositeSchedule("""{"connectorId": 3, "duration": 300}""").GetProperty("status").GetString());
        Assert.Equal("Unknown", await backend.ClearChargingProfileAsync("""{"id": 99}"""));
        Assert.Equal("Accepted", await backend.ClearChargingProfileAsync("""{"connectorId": 1, "chargingProfilePurpose": "TxDefaultProfile"}"""));
        Assert.Equal("0:20 110:15.5", Periods(backend.GetCompositeSchedule("""{"connectorId": 1, "duration": 300}""")));
        Assert.Equal("Accepted", await backend.ClearChargingProfileAsync("{}"));
        Assert.Equal("0:32", Periods(backend.GetCompositeSchedule("""{"connectorId": 1, "duration": 300}"""))); // the station's own maximum
    }

    [Fact]
    public async Task The_three_actions_register_with_the_OCPP_links_router()
    {
        await using var app = await StartAsync(new FakeTimeProvider(T0), configure: false);
        var router = new OcppRouter();
        app.Service<SmartChargingHandlers>().Register(router);
        Assert.True(router.Handles(typeof(Protocols.Ocpp.V16.SetChargingProfileRequest)));
        Assert.True(router.Handles(typeof(Protocols.Ocpp.V16.ClearChargingProfileRequest)));
        Assert.True(router.Handles(typeof(Protocols.Ocpp.V16.GetCompositeScheduleRequest)));
    }

    private static string ValidTo(string profile, DateTimeOffset validTo) => profile.Replace(
        "\"stackLevel\"", FormattableString.Invariant($"\"validTo\": \"{validTo.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}\", \"stackLevel\""), StringComparison.Ordinal);

    private static string Periods(JsonElement response) => string.Join(" ", response.GetProperty("chargingSchedule").GetProperty("chargingSchedulePeriod").EnumerateArray()
        .Select(p => FormattableString.Invariant($"{p.GetProperty("startPeriod").GetInt32()}:{p.GetProperty("limit").GetDecimal()}")));
}
