using System.Net;
using System.Net.Http.Json;
using OpenCpm.Data;
using OpenCpm.Provisioning;
using OpenCpm.Settings;
using OpenCpm.Tests.Api;

namespace OpenCpm.Tests.Provisioning;

public sealed class DeviceApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_nominal_voltage_of_the_device_page_is_the_charging_networks_and_the_switches_are_saved_in_one_edit()
    {
        await using var app = await OpenCpmApplication.StartAsync();
        using var client = await app.CreateClientAsync();

        var before = await (await client.GetAsync("/api/v1/system/device", Ct)).JsonAsync();
        Assert.Equal(app.Service<ControllerIdentity>().Serial, before.GetProperty("serial").GetString());
        Assert.Equal(230, before.GetProperty("nominalVoltageV").GetDouble());
        Assert.Equal("ResumeSessions", before.GetProperty("afterPowerFailure").GetString());

        var put = await client.PutAsJsonAsync("/api/v1/system/device", new { nominalVoltageV = 240, afterPowerFailure = "StayStopped", allowUsbInit = true }, Ct);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(240, (await (await client.GetAsync("/api/v1/network", Ct)).JsonAsync()).GetProperty("nominalVoltageV").GetDouble());
        var device = (await app.Service<SettingsService>().GetAsync(Ct)).Get<DeviceSettings>();
        Assert.Equal(new DeviceSettings { AfterPowerFailure = PowerFailureBehaviour.StayStopped, AllowUsbInit = true }, device);

        var refused = await client.PutAsJsonAsync("/api/v1/system/device", new { nominalVoltageV = 50, allowUsbConfig = true }, Ct);
        Assert.StartsWith("The nominal voltage must be between 100 and 400 V", await ProblemAssert.DetailAsync(refused, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.False((await app.Service<SettingsService>().GetAsync(Ct)).Get<DeviceSettings>().AllowUsbConfig);
    }
}
