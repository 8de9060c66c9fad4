using OpenCpm.Control;

namespace OpenCpm.Api;

/// <summary>/api/v1/status: the overview — charge points, network interfaces, backend, meter, allocation per node.</summary>
internal static class StatusApi
{
    public static RouteGroupBuilder MapStatusApi(this RouteGroupBuilder api)
    {
        api.MapGet("/status", Get).WithTags("Status").WithName("GetStatus")
            .WithSummary("Overview of all charge points, network interfaces, backend connection, meter, the current allocation and the operator warnings that last now.");
        return api;
    }

    private static StatusDto Get(StatusService status, Warnings.OperatorWarnings warnings, Updates.InstalledVersion version)
    {
        var site = status.Site;
        var meter = site.Meter;
        var allocation = site.Allocation;
        var controller = site.Controller;
        return new StatusDto(
            [.. site.ChargePoints.Select(ChargePointDto.From)],
            [.. StatusService.NetworkInterfaces().Select(i => new NetworkInterfaceDto(i.Name, i.Addresses))],
            new BackendDto(site.Backend.Url, site.Backend.State, site.Backend.LastHeartbeat),
            new MeterStatusDto(
                Camel(meter.State.ToString()),
                meter.Settings.ProfileId,
                meter.Reading is { } r ? PhaseCurrentsDto.From(r.CurrentA) : null,
                meter.Reading?.Timestamp,
                meter.LastError),
            new AllocationDto(
                allocation.At,
                NodeDto.From(allocation.Site),
                [.. allocation.Clusters.Select(NodeDto.From)],
                allocation.Queue,
                allocation.HouseholdA is { } household ? PhaseCurrentsDto.From(household) : null),
            new ControllerDto(controller.Cycles, controller.MeterToSetpoint is { } latency ? Math.Round(latency.TotalMilliseconds) : null, controller.PendingReductions, controller.CommandsInFlight),
            version.Version)
        {
            Warnings = [.. warnings.Active.Select(OperatorWarningDto.From)],
        };
    }

    private static string Camel(string s) => char.ToLowerInvariant(s[0]) + s[1..];
}
