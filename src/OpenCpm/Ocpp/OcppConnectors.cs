using OpenCpm.Data;
using OpenCpm.Settings;

namespace OpenCpm.Ocpp;

/// <summary>
/// How the site appears to the backend: one charge point whose connector N is the charge point with the N-th lowest
/// configured connector id (normally the configured ids are 1…N and connector N is the charge point with connector id
/// N; gaps left by a removed charge point close up, because OCPP numbers connectors 1…N without gaps). Connector 0 is
/// the whole network.
/// </summary>
internal sealed class OcppConnectors
{
    private readonly IReadOnlyList<ChargePointInstallation> _byConnector;
    private readonly Dictionary<string, int> _connectorOf;

    public OcppConnectors(SiteConfiguration site)
    {
        ArgumentNullException.ThrowIfNull(site);
        _byConnector = [.. site.ChargePoints.OrderBy(c => c.ConnectorId).ThenBy(c => c.Id, StringComparer.Ordinal)];
        _connectorOf = _byConnector.Select((c, i) => (c.Id, i + 1)).ToDictionary(x => x.Id, x => x.Item2, StringComparer.Ordinal);
    }

    /// <summary>NumberOfConnectors: the charge points configured.</summary>
    public int Count => _byConnector.Count;

    /// <summary>The charge points in connector order (index 0 = connector 1).</summary>
    public IReadOnlyList<ChargePointInstallation> ChargePoints => _byConnector;

    /// <summary>The charge point at connector <paramref name="connectorId"/> (1…N), or null.</summary>
    public ChargePointInstallation? ChargePointAt(int connectorId) =>
        connectorId >= 1 && connectorId <= _byConnector.Count ? _byConnector[connectorId - 1] : null;

    /// <summary>The connector of <paramref name="chargePointId"/>, or 0 when it is not configured.</summary>
    public int ConnectorOf(string chargePointId) => _connectorOf.GetValueOrDefault(chargePointId);
}
