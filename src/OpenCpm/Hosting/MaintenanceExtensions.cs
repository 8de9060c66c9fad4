using OpenCpm.Display;
using OpenCpm.Maintenance;
using OpenCpm.Provisioning;
using OpenCpm.Security;
using OpenCpm.Updates;

namespace OpenCpm.Hosting;

internal static class MaintenanceExtensions
{
    /// <summary>
    /// Provisioning and maintenance (manual 7, 8.1.5, 8.1.6, 8.2.1, 10): the configuration file, the Device settings,
    /// the power-failure hold, display texts, logging, restart and factory reset, the recovery key, software updates.
    /// </summary>
    public static WebApplicationBuilder AddMaintenance(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<InstalledVersion>();
        services.AddSingleton<ControllerIdentity>();
        services.AddSingleton<ControllerRestart>();
        services.AddSingleton<ConfigurationFileService>();
        services.AddSingleton<SiteFileService>();
        services.AddSingleton<DeviceService>();
        services.AddSingleton<PowerFailureHold>();
        services.AddHostedService(sp => sp.GetRequiredService<PowerFailureHold>());
        services.AddSingleton<DisplayTexts>();
        services.AddSingleton<StationDisplays>();
        services.AddHostedService(sp => sp.GetRequiredService<StationDisplays>());
        services.AddSingleton<DebugLogging>();
        services.AddSingleton<LogArchive>();
        services.AddSingleton<FactoryReset>();
        services.AddSingleton<RecoveryKeys>();
        services.AddHostedService(sp => sp.GetRequiredService<RecoveryKeys>());
        services.AddSingleton<RecoveryThrottle>();
        services.AddSingleton<PasswordRecovery>();
        services.AddSingleton<RecoveryKeyAccess>();
        services.AddSingleton<SoftwareUpdates>();
        services.AddHostedService<UpdateCommit>();
        services.AddSingleton<UsbFolder>();
        services.AddHostedService(sp => sp.GetRequiredService<UsbFolder>());
        return builder;
    }
}
