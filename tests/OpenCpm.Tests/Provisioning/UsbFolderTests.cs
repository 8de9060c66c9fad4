using System.Net.Http.Json;
using OpenCpm.Data;
using OpenCpm.Maintenance;
using OpenCpm.Provisioning;
using OpenCpm.Settings;
using OpenCpm.Tests.Api;
using OpenCpm.Tests.Shared;
using OpenCpm.Tests.Updates;
using OpenCpm.Updates;

namespace OpenCpm.Tests.Provisioning;

/// <summary>The USB stick flow end to end on a temp folder standing in for the mount point (real file events).</summary>
public sealed class UsbFolderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_stick_gets_the_configuration_then_another_one_configures_the_controller_once_allowed_and_a_third_updates_it()
    {
        using var data = new TempDirectory();
        using var install = new InstallRootFixture();
        var usb = install.Path + "/usb";
        Directory.CreateDirectory(usb);
        var running = new InstalledVersion().Version;
        install.AddVersion(running);
        install.Root.SwitchTo(running);
        string[] args = [$"--Usb:Folder={usb}", "--Usb:SettleSeconds=0.2", "--Usb:RescanSeconds=1", .. install.HostArgs];
        string serial;
        await using (var app = await OpenCpmApplication.StartAsync(data.Path, hostArgs: args))
        {
            serial = app.Service<ControllerIdentity>().Serial;
            using var client = await app.CreateClientAsync();
            await client.PutAsJsonAsync("/api/v1/system/device", new { allowUsbInit = true }, Ct);

            Plug(usb, ConfigFolder: []);
            var written = Path.Combine(usb, "CFG", $"OpenCPM_{serial}.conf");
            await Eventually.TrueAsync(() => app.Service<UsbFolder>().Status.Recent.Any(a => a.What == "configuration written"), because: "an empty CFG folder gets the configuration");
            Assert.Contains($"Serial = {serial}\n", File.ReadAllText(written), StringComparison.Ordinal);

            Unplug(usb);
            await Eventually.TrueAsync(() => !app.Service<UsbFolder>().Status.StickPresent, because: "the stick is out");
            Plug(usb, ConfigFolder: [("OpenCPM.conf", "[LOADMANAGEMENT]\nMaxCurrentA = 44\n")]);
            await Eventually.TrueAsync(() => app.Service<UsbFolder>().Status.Recent.Any(a => a.What.StartsWith("not loaded: loading a configuration from USB is off", StringComparison.Ordinal)));
            Assert.Equal(32, (await app.Service<SettingsService>().GetSiteAsync(Ct)).Site.MaxCurrentA);

            await client.PutAsJsonAsync("/api/v1/system/device", new { allowUsbConfig = true, allowUsbUpdate = true }, Ct);

            await Eventually.TrueAsync(() => app.Service<ControllerRestart>().Requested, because: "a loaded configuration restarts the controller");
            Assert.Equal("configuration loaded from the USB stick", app.Service<ControllerRestart>().Reason);
            Assert.Equal(44, (await app.Service<SettingsService>().GetSiteAsync(Ct)).Site.MaxCurrentA);
        }

        var package = await install.PackAsync("99.0.0");
        await using (var restarted = await OpenCpmApplication.StartAsync(data.Path, hostArgs: args))
        {
            Directory.CreateDirectory(Path.Combine(usb, "UPD"));
            File.Move(package, Path.Combine(usb, "UPD", Path.GetFileName(package)));

            await Eventually.TrueAsync(() => restarted.Service<ControllerRestart>().Requested, because: "the package on the stick is installed");
            Assert.Equal("software update to 99.0.0", restarted.Service<ControllerRestart>().Reason);
            Assert.Equal("99.0.0", install.Root.Current);
            var events = await restarted.Service<EventLog>().QueryAsync(new EventQuery { PageSize = 100 }, Ct);
            Assert.Single(events.Items, e => e.Message == "OpenCPM.conf was loaded from the USB stick.");
            Assert.Single(events.Items, e => e.Message == $"The configuration was written to the USB stick (CFG/OpenCPM_{serial}.conf).");
            Assert.Single(events.Items, e => e.Message == "CFG/OpenCPM.conf on the USB stick was not loaded: loading a configuration from USB is off (Configuration › Device › Allow USB config).");
        }
    }

    [Fact]
    public async Task A_stick_file_named_for_another_controller_or_with_per_device_entries_but_no_serial_is_not_loaded()
    {
        using var data = new TempDirectory();
        using var folder = new TempDirectory();
        await using var app = await OpenCpmApplication.StartAsync(data.Path, hostArgs: [$"--Usb:Folder={folder.Path}", "--Usb:SettleSeconds=0.2", "--Usb:RescanSeconds=1"]);
        await app.Service<SettingsService>().UpdateAsync<DeviceSettings>(d => d with { AllowUsbConfig = true }, "test", null, Ct);

        Plug(folder.Path, ConfigFolder: [("OpenCPM_99999999.conf", "[LOADMANAGEMENT]\nMaxCurrentA = 44\n"), ("site.conf", "[OCPP]\nChargeBoxIdentity = M20-1\n")]);

        var usb = app.Service<UsbFolder>();
        await Eventually.TrueAsync(() => usb.Status.Recent.Count == 2, because: "both files are looked at");
        var serial = app.Service<ControllerIdentity>().Serial;
        Assert.Equal(
            [
                $"not loaded: \"site.conf\" is named without a serial, so it would configure any controller, but it holds per-device entries: line 2, [OCPP] ChargeBoxIdentity: is a per-device entry. Remove them, or name the file after this controller (OpenCPM_{serial}.conf).",
                $"not loaded: \"OpenCPM_99999999.conf\" is named for controller 99999999, not for this one ({serial}): only a file named without a serial configures any controller (manual 7.2.3).",
            ],
            usb.Status.Recent.Select(a => a.What));
        Assert.False(app.Service<ControllerRestart>().Requested);
        Assert.Equal(32, (await app.Service<SettingsService>().GetSiteAsync(Ct)).Site.MaxCurrentA);
    }

    /// <summary>A stick: its folders made beside the mount point, then moved in at once (as a mount appears).</summary>
    private static void Plug(string mountPoint, (string Name, string Text)[] ConfigFolder)
    {
        var stick = mountPoint + ".stick";
        Directory.CreateDirectory(Path.Combine(stick, "CFG"));
        foreach (var (name, text) in ConfigFolder)
        {
            File.WriteAllText(Path.Combine(stick, "CFG", name), text);
        }

        Directory.Move(Path.Combine(stick, "CFG"), Path.Combine(mountPoint, "CFG"));
        Directory.Delete(stick);
    }

    private static void Unplug(string mountPoint)
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(mountPoint))
        {
            if (Directory.Exists(entry))
            {
                Directory.Delete(entry, recursive: true);
            }
            else
            {
                File.Delete(entry);
            }
        }
    }
}
