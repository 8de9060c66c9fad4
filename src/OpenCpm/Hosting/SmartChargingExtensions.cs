using OpenCpm.Core.SmartCharging;
using OpenCpm.SmartCharging;

namespace OpenCpm.Hosting;

internal static class SmartChargingExtensions
{
    /// <summary>
    /// OCPP smart charging: the profile store, the service the control loop reads its limits from (loaded before
    /// the loop's first cycle), the capabilities the backend's configuration keys report, and the three handlers.
    /// </summary>
    public static WebApplicationBuilder AddSmartCharging(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(SmartChargingConfiguration.Default);
        services.AddSingleton<ChargingProfileStore>();
        services.AddSingleton<SmartChargingService>();
        services.AddHostedService(sp => sp.GetRequiredService<SmartChargingService>());
        services.AddSingleton<SetChargingProfileHandler>();
        services.AddSingleton<ClearChargingProfileHandler>();
        services.AddSingleton<GetCompositeScheduleHandler>();
        services.AddSingleton<SmartChargingHandlers>();
        return builder;
    }
}
