using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenCpm.Protocols.Keba;
using OpenCpm.Stations;
using OpenCpm.Stations.Keba;

namespace OpenCpm.Hosting;

internal static class StationsExtensions
{
    /// <summary>
    /// The station protocols, one plug-in each (<see cref="IStationProtocol"/>): KEBA P30 over UDP with its host
    /// settings <paramref name="keba"/> (already validated). Drivers report events to the one <see cref="StationEvents"/>.
    /// </summary>
    public static WebApplicationBuilder AddStations(this WebApplicationBuilder builder, KebaOptions keba)
    {
        ArgumentNullException.ThrowIfNull(keba);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<StationEvents>();
        services.AddSingleton(sp => new KebaUdpEndpoint(
            keba.ToEndpointOptions(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<KebaUdpEndpoint>>()));
        services.AddSingleton<IStationProtocol, KebaProtocol>();
        return builder;
    }
}
