namespace OpenCpm.Data;

/// <summary>
/// The controller itself (manual 8.1.6, Configuration › Device): what a USB stick may do (manual 7 and 10.2.2) and
/// what the stations do after a power failure. The nominal voltage is the charging network's
/// (<see cref="Core.LoadManagement.SiteSettings.NominalVoltageV"/>), kept there only.
/// </summary>
internal sealed record DeviceSettings : ISettingsDocument<DeviceSettings>
{
    public static string Key => "device";

    public static DeviceSettings Default { get; } = new();

    /// <summary>"Allow USB init": a stick with an empty CFG folder gets this controller's configuration file.</summary>
    public bool AllowUsbInit { get; init; }

    /// <summary>"Allow USB config": a configuration file in the stick's CFG folder is loaded.</summary>
    public bool AllowUsbConfig { get; init; }

    /// <summary>A software update package in the stick's UPD folder is installed.</summary>
    public bool AllowUsbUpdate { get; init; }

    public PowerFailureBehaviour AfterPowerFailure { get; init; } = PowerFailureBehaviour.ResumeSessions;

    public IReadOnlyList<string> Validate() =>
        Enum.IsDefined(AfterPowerFailure) ? [] : [FormattableString.Invariant($"The behaviour after a power failure {(int)AfterPowerFailure} is unknown.")];
}
