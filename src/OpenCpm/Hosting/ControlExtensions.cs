using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenCpm.Backend;
using OpenCpm.Control;
using OpenCpm.Data;
using OpenCpm.Meter;
using OpenCpm.Protocols.Modbus;
using OpenCpm.Sessions;
using OpenCpm.Stations;

namespace OpenCpm.Hosting;

internal static class ControlExtensions
{
    /// <summary>
    /// The grid meter poller with the meter profiles (built-in plus the data folder's), the control loop and its
    /// snapshots, the session recorder, station discovery, the operator warnings in the event log, and the application services the API and UI call.
    /// </summary>
    public static WebApplicationBuilder AddSiteController(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => MeterProfileCatalog.Load(sp.GetRequiredService<StorageOptions>().DataDirectory));
        services.AddSingleton<MeterProbe>();
        services.AddSingleton<Settings.ISettingsRule<MeterSettings>, KnownMeterProfileRule>();
        services.AddSingleton(sp => new GridMeterPoller(
            sp.GetRequiredService<MeterProfileCatalog>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>()));
        services.AddHostedService(sp => sp.GetRequiredService<GridMeterPoller>());
        services.AddSingleton<SiteSnapshots>();
        services.AddSingleton<BackendLinkStatus>();
        services.AddSingleton<SiteController>();
        services.AddHostedService(sp => sp.GetRequiredService<SiteController>());
        services.AddSingleton<SessionRecorder>();
        services.AddHostedService(sp => sp.GetRequiredService<SessionRecorder>());
        services.AddSingleton<StationDiscovery>();
        services.AddHostedService(sp => sp.GetRequiredService<StationDiscovery>());
        services.AddSingleton<StatusService>();
        services.AddSingleton<SessionService>();
        services.AddSingleton<ChargePointCommands>();
        services.AddSingleton<Warnings.OperatorWarnings>();
        services.AddHostedService(sp => sp.GetRequiredService<Warnings.OperatorWarnings>());
        return builder;
    }
}
