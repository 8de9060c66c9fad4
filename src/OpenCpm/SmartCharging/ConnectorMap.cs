using System.Collections.Frozen;
using OpenCpm.Core.LoadManagement;
using OpenCpm.Data;
using OpenCpm.Settings;

namespace OpenCpm.SmartCharging;

/// <summary>
/// The site as the backend numbers it: connector N is the charge point with the N-th lowest configured connector id
/// (then by id), connector 0 the whole network — the numbering of the OCPP link. Also the phases each connector's
/// station is wired to and the local limits a composite schedule respects.
/// </summary>
internal sealed class ConnectorMap
{
    private readonly ChargePointInstallation[] _byConnector;
    private readonly FrozenDictionary<string, int> _connectorOf;

    public ConnectorMap(SiteConfiguration site)
    {
        ArgumentNullException.ThrowIfNull(site);
        Site = site.Site;
        _byConnector = [.. site.ChargePoints.OrderBy(c => c.ConnectorId).ThenBy(c => c.Id, StringComparer.Ordinal)];
        _connectorOf = _byConnector.Select((c, i) => KeyValuePair.Create(c.Id, i + 1)).ToFrozenDictionary(StringComparer.Ordinal);
        PhasesByConnector = _byConnector.Select((c, i) => KeyValuePair.Create(i + 1, c.Settings.Connection == PhaseConnection.SinglePhase ? 1 : 3)).ToFrozenDictionary();
    }

    public SiteSettings Site { get; }

    public int Count => _byConnector.Length;

    public IReadOnlyDictionary<int, int> PhasesByConnector { get; }

    /// <summary>The charge point at connector <paramref name="connectorId"/> (1…N), or null (also for 0).</summary>
    public ChargePointInstallation? ChargePointAt(int connectorId) =>
        connectorId >= 1 && connectorId <= _byConnector.Length ? _byConnector[connectorId - 1] : null;

    /// <summary>The connector of <paramref name="chargePointId"/>, or 0 when it is not configured.</summary>
    public int ConnectorOf(string chargePointId) => _connectorOf.GetValueOrDefault(chargePointId);

    /// <summary>
    /// What a connector may take without any profile, in amperes per phase: its station's maximum, or for connector 0
    /// the site's fuse and maximum power.
    /// </summary>
    public double LocalLimitA(int connectorId) => connectorId == 0
        ? Math.Min(Site.MaxCurrentA, Site.MaxPowerW is { } powerW ? powerW / (3 * Site.NominalVoltageV) : double.PositiveInfinity)
        : ChargePointAt(connectorId)?.Settings.MaxCurrentA ?? 0;
}
