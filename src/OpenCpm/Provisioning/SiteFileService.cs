using System.Globalization;
using OpenCpm.Api;
using OpenCpm.Core.LoadManagement;
using OpenCpm.Data;
using OpenCpm.Settings;

namespace OpenCpm.Provisioning;

/// <summary>
/// Applies a <see cref="SiteFile"/> as one edit of every area it describes — the network, the clusters, the charge
/// points, the meter and the authorization — validated as a whole and saved in one transaction
/// (<see cref="SettingsService.UpdateManyAsync"/>), or nothing at all; and writes the site as it is into one.
/// </summary>
internal sealed class SiteFileService(SettingsService settings)
{
    /// <summary>The site as configured now, as a site file.</summary>
    public async Task<SiteFile> ExportAsync(CancellationToken cancellationToken)
    {
        var snapshot = await settings.GetAsync(cancellationToken);
        var site = snapshot.Site;
        return new SiteFile
        {
            Network = NetworkSettingsDto.From(site.Site, []) with { Warnings = null },
            Clusters = [.. site.Site.Clusters.Select(ClusterDto.From)],
            ChargePoints = [.. site.ChargePoints.Select(ChargePointSettingsDto.From)],
            Meter = MeterSettingsDto.From(snapshot.Get<MeterSettings>()),
            Authorization = snapshot.Get<AuthorizationSettings>(),
        };
    }

    /// <summary>
    /// Replaces the site with <paramref name="file"/>: saved with the warnings of the whole site, or refused with every
    /// reason (then nothing changed).
    /// </summary>
    public async Task<SettingsOutcome<SettingsSnapshot>> ApplyAsync(SiteFile file, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (ListProblems(file) is { Count: > 0 } problems)
        {
            return SettingsOutcome<SettingsSnapshot>.Invalid(problems);
        }

        var limits = file.Network.ApplyTo(new SiteSettings()) with { Clusters = [.. file.Clusters.Select(c => c!.ToSettings())] };
        var site = file.ChargePoints.Aggregate(SiteConfiguration.Empty.WithLimits(limits), (s, cp) => s.WithChargePoint(cp!.ToInstallation(cp.Id!)));
        return await settings.UpdateManyAsync(
            batch =>
            {
                batch.Site = site;
                batch.Set(file.Meter?.ToSettings() ?? MeterSettings.Default);
                batch.Set(file.Authorization ?? AuthorizationSettings.Default);
            },
            actor,
            string.Create(CultureInfo.InvariantCulture, $"the whole site from a site file ({file.ChargePoints.Count} charge points, {file.Clusters.Count} clusters)"),
            cancellationToken);
    }

    /// <summary>What the lists of the file lack before the site can be checked: an entry that is null, a charge point without an id or with one taken twice.</summary>
    private static List<string> ListProblems(SiteFile file)
    {
        var problems = new List<string>();
        if (file.Network is null)
        {
            problems.Add("'network' must be given.");
        }

        for (var k = 0; k < file.Clusters.Count; k++)
        {
            if (file.Clusters[k] is null)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"'clusters[{k}]' is null."));
            }
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var k = 0; k < file.ChargePoints.Count; k++)
        {
            if (file.ChargePoints[k] is not { } cp)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"'chargePoints[{k}]' is null."));
            }
            else if (cp.Id is not { Length: > 0 } id)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"'chargePoints[{k}].id' must be given."));
            }
            else if (!ids.Add(id))
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"Charge point \"{SiteSettingsValidator.Shown(id)}\" appears twice ('chargePoints[{k}]')."));
            }
        }

        return problems;
    }
}
