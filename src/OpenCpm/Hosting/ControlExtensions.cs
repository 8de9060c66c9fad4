using System.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenCpm.Control;
using OpenCpm.Data;
using OpenCpm.Meter;
using OpenCpm.Protocols.Keba;
using OpenCpm.Protocols.Modbus;

namespace OpenCpm.Hosting;

internal static class ControlExtensions
{
    /// <summary>
    /// The KEBA UDP endpoint (configuration <c>Keba:Address</c>, default 0.0.0.0, and <c>Keba:Port</c>, default 7090),
    /// the grid meter poller with the meter profiles (built-in plus the data folder's), and the control loop.
    /// </summary>
    public static WebApplicationBuilder AddSiteController(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        var keba = builder.Configuration.GetSection("Keba");
        var address = IPAddress.TryParse(keba["Address"], out var a) ? a : IPAddress.Any;
        var port = int.TryParse(keba["Port"], out var p) ? p : KebaUdpEndpointOptions.DefaultPort;
        services.AddSingleton(sp => new KebaUdpEndpoint(
            new KebaUdpEndpointOptions { Address = address, Port = port },
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<KebaUdpEndpoint>>()));
        services.AddSingleton(sp => MeterProfileCatalog.Load(sp.GetRequiredService<StorageOptions>().DataDirectory));
        services.AddSingleton(sp => new GridMeterPoller(
            sp.GetRequiredService<MeterProfileCatalog>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>()));
        services.AddHostedService(sp => sp.GetRequiredService<GridMeterPoller>());
        services.AddSingleton<ChargePointRegistry>();
        services.AddSingleton<SiteController>();
        services.AddHostedService(sp => sp.GetRequiredService<SiteController>());
        services.AddSingleton<SessionRecorder>();
        services.AddHostedService(sp => sp.GetRequiredService<SessionRecorder>());
        services.AddHostedService<StationDiscovery>();
        return builder;
    }
}
