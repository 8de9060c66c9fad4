using OpenCpm.Core.SmartCharging;

namespace OpenCpm.Api;

/// <summary>What the profiles allow a charge point (or the network) right now, in amperes per phase, and which purpose binds.</summary>
internal sealed record ProfileLimitDto(string? Id, int ConnectorId, double LimitA, double? MinimumA, string BoundBy)
{
    public static ProfileLimitDto From(string? id, int connectorId, ConnectorLimit limit) =>
        new(id, connectorId, Math.Round(limit.LimitA, 2), limit.MinimumA is { } min ? Math.Round(min, 2) : null, limit.BoundBy.ToString());
}
