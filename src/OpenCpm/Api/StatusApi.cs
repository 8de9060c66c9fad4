using System.Net.NetworkInformation;
using System.Net.Sockets;
using OpenCpm.Control;
using OpenCpm.Data;
using OpenCpm.Meter;

namespace OpenCpm.Api;

/// <summary>/api/v1/status: the overview — charge points, network interfaces, backend, meter, allocation per node.</summary>
internal static class StatusApi
{
    public static RouteGroupBuilder MapStatusApi(this RouteGroupBuilder api)
    {
        api.MapGet("/status", GetAsync).WithTags("Status").WithName("GetStatus")
            .WithSummary("Overview of all charge points, network interfaces, backend connection, meter and the current allocation.");
        return api;
    }

    private static async Task<StatusDto> GetAsync(
        ChargePointRegistry registry, GridMeterPoller meter, SettingsStore settings, SiteController controller, CancellationToken cancellationToken)
    {
        var ocpp = await settings.GetAsync<OcppBackendSettings>(cancellationToken);
        var snapshot = meter.Snapshot;
        var allocation = registry.Allocation;
        return new StatusDto(
            [.. registry.Entries.Select(ChargePointDto.From)],
            NetworkInterfaces(),
            new BackendDto(ocpp.Url, ocpp.Enabled ? "disconnected" : "notConfigured", null),
            new MeterStatusDto(
                Camel(snapshot.State.ToString()),
                snapshot.Settings.ProfileId,
                snapshot.Reading is { } r ? PhaseCurrentsDto.From(r.CurrentA) : null,
                snapshot.Reading?.Timestamp,
                snapshot.LastError),
            new AllocationDto(
                allocation.At,
                NodeDto.From(allocation.Site),
                [.. allocation.Clusters.Select(NodeDto.From)],
                allocation.Queue),
            new ControllerDto(controller.Cycles, controller.MeterToSetpoint?.TotalMilliseconds));
    }

    private static IReadOnlyList<NetworkInterfaceDto> NetworkInterfaces() =>
        [.. NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up)
            .Select(n => new NetworkInterfaceDto(
                n.Name,
                [.. n.GetIPProperties().UnicastAddresses
                    .Where(a => a.Address.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6)
                    .Select(a => a.Address.ToString())]))];

    private static string Camel(string s) => char.ToLowerInvariant(s[0]) + s[1..];
}
