using OpenCpm.Authorization;
using OpenCpm.Data;

namespace OpenCpm.Hosting;

internal static class AuthorizationExtensions
{
    /// <summary>The local card list and the service that decides who may charge (the backend's side comes with the OCPP link).</summary>
    public static WebApplicationBuilder AddCardAuthorization(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<CardStore>();
        services.AddSingleton<CardService>();
        services.AddHostedService(sp => sp.GetRequiredService<CardService>()); // loads the list after the migration
        services.AddSingleton<ReservationStore>();
        services.AddSingleton<ChargePointReservations>();
        services.AddHostedService(sp => sp.GetRequiredService<ChargePointReservations>()); // loads the reservations after the migration
        services.AddSingleton<ChargingAuthorizer>();
        services.AddHostedService(sp => sp.GetRequiredService<ChargingAuthorizer>());
        return builder;
    }
}
