using System.Net.Http.Json;
using OpenCpm.Core.LoadManagement;
using OpenCpm.Data;
using OpenCpm.Maintenance;
using OpenCpm.Settings;
using OpenCpm.Tests.Api;
using OpenCpm.Tests.Control.Fakes;
using OpenCpm.Tests.Shared;

namespace OpenCpm.Tests.Maintenance;

public sealed class PowerFailureHoldTests
{
    private static readonly SiteSettings Site = new() { MaxCurrentA = 32, ChargePoints = [new ChargePointSettings { Id = "cp1", MaxCurrentA = 16 }] };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_stay_stopped_stations_get_no_current_after_a_power_failure_until_an_operator_enables_them_but_charge_after_a_clean_restart()
    {
        using var data = new TempDirectory();
        await using (var first = await FakeSite.StartAsync(Site, dataDirectory: data.Path))
        {
            var saved = await first.App.Service<SettingsService>().UpdateAsync<DeviceSettings>(
                d => d with { AfterPowerFailure = PowerFailureBehaviour.StayStopped }, "test", null, Ct);
            Assert.True(saved.IsSaved);
        }

        await using (var clean = await FakeSite.StartAsync(Site, dataDirectory: data.Path))
        {
            clean.Stations[0].PlugIn(3, 32);
            await clean.RunAsync(TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(250));
            Assert.Empty(clean.App.Service<PowerFailureHold>().Held.Current);
            Assert.Equal(16, clean.Snapshot.Find("cp1")!.SetpointA);
        }

        File.Delete(data.File(PowerFailureHold.MarkerFileName)); // a power cut: the controller never stopped cleanly
        await using var cut = await FakeSite.StartAsync(Site, dataDirectory: data.Path);
        cut.Stations[0].PlugIn(3, 32);
        await cut.RunAsync(TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(250));

        Assert.Equal(0, cut.Snapshot.Find("cp1")!.SetpointA);
        Assert.Equal(LimitReason.Of(LimitKind.Api), cut.Snapshot.Find("cp1")!.LimitedBy);
        Assert.Equal(0, cut.Stations[0].SetpointA);
        using var client = await cut.App.CreateClientAsync();
        var device = await (await client.GetAsync("/api/v1/system/device", Ct)).JsonAsync();
        Assert.Equal(["cp1"], device.GetProperty("heldAfterPowerFailure").EnumerateArray().Select(e => e.GetString()));

        var enabled = await client.PostAsJsonAsync("/api/v1/system/device/enable", new { chargePoints = Array.Empty<string>() }, Ct);
        await cut.RunAsync(TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(250));

        Assert.Equal(["cp1"], (await enabled.JsonAsync()).GetProperty("enabled").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(16, cut.Snapshot.Find("cp1")!.SetpointA);
        Assert.Equal(16, cut.Stations[0].SetpointA);
        var events = await cut.App.Service<EventLog>().QueryAsync(new EventQuery { Source = PowerFailureHold.EventSource }, Ct);
        Assert.Equal(
            ["admin enabled cp1 after the power failure.", "The controller started after a power failure or crash: 1 station(s) stay stopped until an operator enables them (Device › after a power failure: stay stopped)."],
            events.Items.Select(e => e.Message));
    }
}
