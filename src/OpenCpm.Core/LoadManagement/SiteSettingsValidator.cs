using System.Globalization;

namespace OpenCpm.Core.LoadManagement;

/// <summary>Checks site settings and says, in one sentence each, what is wrong or risky.</summary>
public static class SiteSettingsValidator
{
    public const int MaxClusters = 15;
    public const double IecMinimumCurrentA = 6;

    public static SettingsProblems Validate(SiteSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = new List<string>();
        var warnings = new List<string>();

        ValidateSite(settings, errors);
        var clusters = ValidateClusters(settings, errors);
        ValidateChargePoints(settings, clusters, errors);
        if (errors.Count == 0)
        {
            WarnAboutFailsafe(settings, clusters, warnings);
        }

        return new SettingsProblems(errors, warnings);
    }

    private static void ValidateSite(SiteSettings s, List<string> errors)
    {
        if (!(s.MaxCurrentA > 0))
        {
            errors.Add(F($"The site's maximum current must be more than 0 A but is {s.MaxCurrentA} A."));
        }

        if (s.MinChargingCurrentA < IecMinimumCurrentA)
        {
            errors.Add(F($"The minimum charging current must be at least {IecMinimumCurrentA} A (IEC 61851) but is {s.MinChargingCurrentA} A."));
        }
        else if (s.MinChargingCurrentA > s.MaxCurrentA)
        {
            errors.Add(F($"The minimum charging current ({s.MinChargingCurrentA} A) is above the site's maximum current ({s.MaxCurrentA} A)."));
        }

        if (s.NominalVoltageV is < 100 or > 400)
        {
            errors.Add(F($"The nominal voltage must be between 100 and 400 V but is {s.NominalVoltageV} V."));
        }

        if (s.MaxPowerW is { } power && !(power > 0))
        {
            errors.Add(F($"The maximum charging power must be more than 0 W or empty but is {power} W."));
        }

        if (s.UnbalancedLoadLimitA is { } unbalanced && unbalanced < 0)
        {
            errors.Add(F($"The unbalanced-load limit must not be negative but is {unbalanced} A."));
        }

        if (s.RotationPeriod <= TimeSpan.Zero)
        {
            errors.Add(F($"The rotation period must be longer than 0 but is {s.RotationPeriod}."));
        }

        if (s.MeterFallbackPowerW is { } fallback && fallback < 0)
        {
            errors.Add(F($"The meter fallback power must be 0 (stop charging) or more but is {fallback} W."));
        }
    }

    private static Dictionary<string, ClusterSettings> ValidateClusters(SiteSettings s, List<string> errors)
    {
        var byId = new Dictionary<string, ClusterSettings>(StringComparer.Ordinal);
        if (s.Clusters.Count > MaxClusters)
        {
            errors.Add(F($"A site has at most {MaxClusters} clusters but {s.Clusters.Count} are configured."));
        }

        foreach (var c in s.Clusters)
        {
            if (string.IsNullOrWhiteSpace(c.Id))
            {
                errors.Add("A cluster has an empty alias.");
                continue;
            }

            if (!byId.TryAdd(c.Id, c))
            {
                errors.Add(F($"Cluster \"{c.Id}\" is configured twice."));
            }

            if (!(c.MaxCurrentA > 0))
            {
                errors.Add(F($"Cluster \"{c.Id}\": the maximum current must be more than 0 A but is {c.MaxCurrentA} A."));
            }
            else if (c.MaxCurrentA > s.MaxCurrentA)
            {
                errors.Add(F($"Cluster \"{c.Id}\": its limit of {c.MaxCurrentA} A is above the site limit of {s.MaxCurrentA} A."));
            }

            if (c.Phases.IsEmpty)
            {
                errors.Add(F($"Cluster \"{c.Id}\" is fed by no phase."));
            }

            if (c.MinChargingCurrentA is { } min && (min < IecMinimumCurrentA || min > c.MaxCurrentA))
            {
                errors.Add(F($"Cluster \"{c.Id}\": the minimum charging current must be between {IecMinimumCurrentA} A and the cluster limit of {c.MaxCurrentA} A but is {min} A."));
            }
        }

        return byId;
    }

    private static void ValidateChargePoints(SiteSettings s, Dictionary<string, ClusterSettings> clusters, List<string> errors)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cp in s.ChargePoints)
        {
            if (string.IsNullOrWhiteSpace(cp.Id))
            {
                errors.Add("A charge point has an empty id.");
                continue;
            }

            if (!ids.Add(cp.Id))
            {
                errors.Add(F($"Charge point \"{cp.Id}\" is configured twice."));
            }

            var min = s.MinChargingCurrentA;
            if (cp.Cluster is { } clusterId && s.ClustersEnabled)
            {
                if (!clusters.TryGetValue(clusterId, out var cluster))
                {
                    errors.Add(F($"Charge point \"{cp.Id}\" is in cluster \"{clusterId}\", which does not exist."));
                }
                else
                {
                    min = cluster.MinChargingCurrentA ?? min;
                    var outside = cp.WiredGridPhases.Intersect(new PhaseSet((byte)(~cluster.Phases.Mask & 0b111)));
                    if (!outside.IsEmpty)
                    {
                        errors.Add(F($"Charge point \"{cp.Id}\" is wired to {outside}, which does not feed cluster \"{clusterId}\"."));
                    }
                }
            }

            if (cp.MaxCurrentA < min)
            {
                errors.Add(F($"Charge point \"{cp.Id}\": its maximum current of {cp.MaxCurrentA} A is below the minimum charging current of {min} A."));
            }

            if (cp.FailsafeCurrentA < 0 || (cp.FailsafeCurrentA > 0 && cp.FailsafeCurrentA < IecMinimumCurrentA))
            {
                errors.Add(F($"Charge point \"{cp.Id}\": the failsafe current must be 0 (stop) or at least {IecMinimumCurrentA} A but is {cp.FailsafeCurrentA} A."));
            }
            else if (cp.FailsafeCurrentA > cp.MaxCurrentA)
            {
                errors.Add(F($"Charge point \"{cp.Id}\": the failsafe current of {cp.FailsafeCurrentA} A is above its maximum current of {cp.MaxCurrentA} A."));
            }

            if (cp.UnbalancedLoadLimitA is { } u && u < 0)
            {
                errors.Add(F($"Charge point \"{cp.Id}\": the unbalanced-load limit must not be negative but is {u} A."));
            }
        }
    }

    private static void WarnAboutFailsafe(SiteSettings s, Dictionary<string, ClusterSettings> clusters, List<string> warnings)
    {
        var site = PhaseCurrents.Zero;
        var perCluster = new Dictionary<string, PhaseCurrents>(StringComparer.Ordinal);
        foreach (var cp in s.ChargePoints)
        {
            var load = PhaseCurrents.Zero;
            foreach (var p in cp.WiredGridPhases.Phases())
            {
                load = load.With(p, cp.FailsafeCurrentA);
            }

            site += load;
            if (s.ClustersEnabled && cp.Cluster is { } id && clusters.ContainsKey(id))
            {
                perCluster[id] = perCluster.GetValueOrDefault(id) + load;
            }
        }

        if (site.Max > s.MaxCurrentA)
        {
            warnings.Add(F($"The failsafe currents add up to {site.Max} A on the most loaded phase, above the site limit of {s.MaxCurrentA} A: if the controller fails, the stations together may overload the grid connection."));
        }

        foreach (var (id, load) in perCluster)
        {
            if (load.Max > clusters[id].MaxCurrentA)
            {
                warnings.Add(F($"The failsafe currents in cluster \"{id}\" add up to {load.Max} A, above its limit of {clusters[id].MaxCurrentA} A."));
            }
        }
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
