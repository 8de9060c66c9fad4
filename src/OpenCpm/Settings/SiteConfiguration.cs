using OpenCpm.Core.LoadManagement;
using OpenCpm.Data;

namespace OpenCpm.Settings;

/// <summary>
/// The charging network as configured: the site's limits and clusters, and every charge point's installation (who it
/// is, how to reach it, its connector number toward the backend) with its load-management settings. Immutable; edits
/// make a new one (<see cref="SettingsService.UpdateSiteAsync"/>).
/// </summary>
internal sealed record SiteConfiguration
{
    private readonly SiteSettings _limits;
    private readonly IReadOnlyList<ChargePointInstallation> _chargePoints;

    public SiteConfiguration(SiteSettings limits, IReadOnlyList<ChargePointInstallation> chargePoints)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(chargePoints);
        _chargePoints = chargePoints;
        _limits = limits;
        Site = limits with { ChargePoints = [.. chargePoints.Select(c => c.Settings)] };
    }

    public static SiteConfiguration Empty { get; } = new(new SiteSettings(), []);

    /// <summary>The whole site as load management sees it (its charge points in configuration order).</summary>
    public SiteSettings Site { get; }

    public IReadOnlyList<ChargePointInstallation> ChargePoints => _chargePoints;

    public ChargePointInstallation? Find(string id) => _chargePoints.FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.Ordinal));

    /// <summary>New site limits and clusters (from <paramref name="site"/>; its charge point list is ignored), the same charge points.</summary>
    public SiteConfiguration WithLimits(SiteSettings site) => new(site, _chargePoints);

    /// <summary>
    /// Adds the charge point at the end or replaces the one with its id in place. A connector id of 0 keeps the
    /// replaced one's, or takes the next free number.
    /// </summary>
    public SiteConfiguration WithChargePoint(ChargePointInstallation installation)
    {
        ArgumentNullException.ThrowIfNull(installation);
        var existing = Find(installation.Id);
        var connector = installation.ConnectorId != 0 ? installation.ConnectorId
            : existing is { ConnectorId: > 0 } ? existing.ConnectorId
            : NextConnectorId();
        var placed = installation with { ConnectorId = connector };
        return existing is null
            ? new(_limits, [.. _chargePoints, placed])
            : new(_limits, [.. _chargePoints.Select(c => ReferenceEquals(c, existing) ? placed : c)]);
    }

    public SiteConfiguration WithoutChargePoint(string id) =>
        new(_limits, [.. _chargePoints.Where(c => !string.Equals(c.Id, id, StringComparison.Ordinal))]);

    public int NextConnectorId() => _chargePoints.Count == 0 ? 1 : _chargePoints.Max(c => c.ConnectorId) + 1;

    /// <summary>Everything wrong (errors: nothing may be saved) or risky (warnings) with this configuration.</summary>
    public SettingsProblems Validate()
    {
        var problems = SiteSettingsValidator.Validate(Site);
        var errors = problems.Errors.Concat(InstallationRules.Check(_chargePoints)).ToList();
        return problems with { Errors = errors };
    }
}
