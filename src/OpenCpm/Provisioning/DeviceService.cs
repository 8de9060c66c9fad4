using OpenCpm.Control;
using OpenCpm.Data;
using OpenCpm.Maintenance;
using OpenCpm.Settings;
using OpenCpm.Updates;

namespace OpenCpm.Provisioning;

/// <summary>
/// The controller's Device settings and facts for the API and the web UI. The nominal voltage is the charging
/// network's (one place only); a change of it and of the device document is one edit.
/// </summary>
internal sealed class DeviceService(
    SettingsService settings, SiteSnapshots site, PowerFailureHold hold, ControllerIdentity identity, InstalledVersion version, TimeProvider time)
{
    public async Task<DeviceInfo> GetAsync(CancellationToken cancellationToken)
    {
        var current = await settings.GetAsync(cancellationToken);
        var device = current.Get<DeviceSettings>();
        return new DeviceInfo(
            identity.Serial,
            version.Version,
            current.Site.Site.NominalVoltageV,
            device.AfterPowerFailure,
            device.AllowUsbInit,
            device.AllowUsbConfig,
            device.AllowUsbUpdate,
            ClockSync.Read(time),
            [.. hold.Held.Current.Order(StringComparer.Ordinal)],
            Stations());
    }

    public Task<SettingsOutcome<SettingsSnapshot>> UpdateAsync(DeviceChange change, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return settings.UpdateManyAsync(
            batch =>
            {
                if (change.NominalVoltageV is { } voltage)
                {
                    // The network's validation says what voltage it takes.
                    batch.Site = batch.Site.WithLimits(batch.Site.Site with { NominalVoltageV = voltage });
                }

                var device = batch.Get<DeviceSettings>();
                batch.Set(device with
                {
                    AfterPowerFailure = change.AfterPowerFailure ?? device.AfterPowerFailure,
                    AllowUsbInit = change.AllowUsbInit ?? device.AllowUsbInit,
                    AllowUsbConfig = change.AllowUsbConfig ?? device.AllowUsbConfig,
                    AllowUsbUpdate = change.AllowUsbUpdate ?? device.AllowUsbUpdate,
                });
            },
            actor,
            "the device settings",
            cancellationToken);
    }

    /// <summary>Every configured charge point's maintenance facts (what its station reported; "not known yet" before it answered).</summary>
    public IReadOnlyList<StationMaintenance> Stations() =>
    [
        .. site.Current.ChargePoints.Select(c => c.Capabilities is { } caps
            ? new StationMaintenance(
                c.Id, caps.Serial, caps.Product, caps.Firmware, caps.DipSwitches, caps.FirmwareUpdateByController,
                caps.FirmwareUpdateNote ?? (caps.FirmwareUpdateByController ? "The controller updates this station's firmware." : "Update the firmware on the station itself."),
                caps.RestartByController)
            : new StationMaintenance(
                c.Id, c.Installation.Serial, null, null, [], false,
                "Not known yet: the station has not answered (its firmware and DIP switches show once it does).", false)),
    ];
}
