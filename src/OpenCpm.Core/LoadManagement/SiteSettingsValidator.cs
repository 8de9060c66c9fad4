using System.Globalization;

namespace OpenCpm.Core.LoadManagement;

/// <summary>
/// Checks site settings and says, in one sentence each, what is wrong or risky. Every number that reaches the
/// allocator is checked here to be finite and within a physical range, and every enum to be defined: the
/// allocator refuses settings this validator refuses, so it is the last line of defence whatever the input path.
/// </summary>
public static class SiteSettingsValidator
{
    public const int MaxClusters = 15;
    public const double IecMinimumCurrentA = 6;

    /// <summary>The largest site fuse accepted (a 2.5 MVA transformer at 400 V is about 3,600 A).</summary>
    public const double MaxSiteCurrentA = 4000;

    /// <summary>The largest current of one charge point (IEC 61851-1 mode 3 AC is specified up to 80 A).</summary>
    public const double MaxChargePointCurrentA = 80;

    /// <summary>The largest site power limit and meter fallback power accepted.</summary>
    public const double MaxPowerW = 10_000_000;

    public const double MinNominalVoltageV = 100;
    public const double MaxNominalVoltageV = 400;

    public static readonly TimeSpan MinRotationPeriod = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MaxRotationPeriod = TimeSpan.FromHours(24);

    /// <summary>Charge point and cluster ids: 1 to this many characters.</summary>
    public const int MaxIdLength = 64;

    /// <summary>Characters an id may have besides letters and digits (no '/', '?', '#', '%', quotes or control characters).</summary>
    public const string IdPunctuation = " -_.:+@()";

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

    /// <summary>
    /// Null when <paramref name="id"/> is a usable id (1 to <see cref="MaxIdLength"/> letters, digits and
    /// <see cref="IdPunctuation"/>, not starting or ending with a space, not "." or ".."), else why not, as the end
    /// of a sentence that starts with what the id belongs to.
    /// </summary>
    public static string? IdProblem(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return "is empty";
        }

        if (id.Length > MaxIdLength)
        {
            return F($"must have at most {MaxIdLength} characters but has {id.Length}");
        }

        if (!id.All(c => char.IsLetterOrDigit(c) || IdPunctuation.Contains(c, StringComparison.Ordinal)) || id[0] == ' ' || id[^1] == ' ' || id is "." or "..")
        {
            return $"must consist of letters, digits and \"{IdPunctuation.Trim()}\" or inner spaces";
        }

        return null;
    }

    /// <summary>An id as it may be shown in a sentence: at most 64 characters, control characters escaped.</summary>
    public static string Shown(string? id)
    {
        if (id is null)
        {
            return "";
        }

        var text = id.Length > MaxIdLength ? id[..MaxIdLength] + "…" : id;
        return text.Any(char.IsControl)
            ? string.Concat(text.Select(c => char.IsControl(c) ? F($"\\u{(int)c:X4}") : c.ToString()))
            : text;
    }

    private static void ValidateSite(SiteSettings s, List<string> errors)
    {
        if (!(s.MaxCurrentA > 0))
        {
            errors.Add(F($"The site's maximum current must be more than 0 A but is {s.MaxCurrentA} A."));
        }
        else if (s.MaxCurrentA > MaxSiteCurrentA)
        {
            errors.Add(F($"The site's maximum current must be at most {MaxSiteCurrentA} A but is {s.MaxCurrentA} A."));
        }

        if (!(s.MinChargingCurrentA >= IecMinimumCurrentA))
        {
            errors.Add(F($"The minimum charging current must be at least {IecMinimumCurrentA} A (IEC 61851) but is {s.MinChargingCurrentA} A."));
        }
        else if (s.MinChargingCurrentA > MaxChargePointCurrentA)
        {
            errors.Add(F($"The minimum charging current must be at most {MaxChargePointCurrentA} A but is {s.MinChargingCurrentA} A."));
        }
        else if (s.MinChargingCurrentA > s.MaxCurrentA)
        {
            errors.Add(F($"The minimum charging current ({s.MinChargingCurrentA} A) is above the site's maximum current ({s.MaxCurrentA} A)."));
        }

        if (!(s.NominalVoltageV is >= MinNominalVoltageV and <= MaxNominalVoltageV))
        {
            errors.Add(F($"The nominal voltage must be between {MinNominalVoltageV} and {MaxNominalVoltageV} V but is {s.NominalVoltageV} V."));
        }

        if (s.MaxPowerW is { } power && !(power > 0 && power <= MaxPowerW))
        {
            errors.Add(F($"The maximum charging power must be more than 0 W and at most {MaxPowerW} W, or empty, but is {power} W."));
        }

        if (s.UnbalancedLoadLimitA is { } unbalanced && !(unbalanced >= 0 && unbalanced <= MaxSiteCurrentA))
        {
            errors.Add(F($"The unbalanced-load limit must be 0 to {MaxSiteCurrentA} A, or empty, but is {unbalanced} A."));
        }

        if (s.RotationPeriod < MinRotationPeriod || s.RotationPeriod > MaxRotationPeriod)
        {
            errors.Add(F($"The rotation period must be {MinRotationPeriod.TotalMinutes} to {MaxRotationPeriod.TotalMinutes} minutes but is {Math.Round(s.RotationPeriod.TotalMinutes, 3)} minutes."));
        }

        if (s.MeterFallbackPowerW is { } fallback && !(fallback >= 0 && fallback <= MaxPowerW))
        {
            errors.Add(F($"The meter fallback power must be 0 (stop charging) to {MaxPowerW} W, or empty, but is {fallback} W."));
        }
    }

    private static Dictionary<string, ClusterSettings> ValidateClusters(SiteSettings s, List<string> errors)
    {
        var byId = new Dictionary<string, ClusterSettings>(StringComparer.Ordinal);
        if (s.Clusters.Count > MaxClusters)
        {
            errors.Add(F($"A site has at most {MaxClusters} clusters but {s.Clusters.Count} are configured."));
        }

        foreach (var c in s.Clusters.Take(MaxClusters + 1))
        {
            if (string.IsNullOrWhiteSpace(c.Id))
            {
                errors.Add("A cluster has an empty alias.");
                continue;
            }

            if (IdProblem(c.Id) is { } idProblem)
            {
                errors.Add($"The alias of cluster \"{Shown(c.Id)}\" {idProblem}.");
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
            else if ((c.Phases.Mask & ~PhaseSet.AllThree.Mask) != 0)
            {
                errors.Add(F($"Cluster \"{c.Id}\" is fed by a phase other than L1, L2 and L3 (mask {c.Phases.Mask})."));
            }

            if (c.MinChargingCurrentA is { } min && !(min >= IecMinimumCurrentA && min <= c.MaxCurrentA && min <= MaxChargePointCurrentA))
            {
                errors.Add(F($"Cluster \"{c.Id}\": the minimum charging current must be between {IecMinimumCurrentA} A and the cluster limit of {c.MaxCurrentA} A (at most {MaxChargePointCurrentA} A) but is {min} A."));
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

            if (IdProblem(cp.Id) is { } idProblem)
            {
                errors.Add($"The id of charge point \"{Shown(cp.Id)}\" {idProblem}.");
                continue;
            }

            if (!ids.Add(cp.Id))
            {
                errors.Add(F($"Charge point \"{cp.Id}\" is configured twice."));
            }

            if (!ValidateWiring(cp, errors))
            {
                continue;
            }

            var min = s.MinChargingCurrentA;
            if (cp.Cluster is { } clusterId && s.ClustersEnabled)
            {
                if (!clusters.TryGetValue(clusterId, out var cluster))
                {
                    errors.Add(F($"Charge point \"{cp.Id}\" is in cluster \"{Shown(clusterId)}\", which does not exist."));
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
            else if (cp.Cluster is { } unused && IdProblem(unused) is { } clusterProblem)
            {
                errors.Add($"Charge point \"{cp.Id}\": the cluster alias \"{Shown(unused)}\" {clusterProblem}.");
            }

            ValidateCurrents(cp, min, errors);
        }
    }

    /// <summary>False (with the reasons) when the connection, rotation or phase is not one the enums define.</summary>
    private static bool ValidateWiring(ChargePointSettings cp, List<string> errors)
    {
        var count = errors.Count;
        if (!Enum.IsDefined(cp.Connection))
        {
            errors.Add(F($"Charge point \"{cp.Id}\": the connection must be ThreePhase or SinglePhase but is {(int)cp.Connection}."));
        }

        if (!Enum.IsDefined(cp.Rotation))
        {
            errors.Add(F($"Charge point \"{cp.Id}\": the rotation must be L1L2L3, L2L3L1 or L3L1L2 but is {(int)cp.Rotation}."));
        }

        if (!Enum.IsDefined(cp.SinglePhase))
        {
            errors.Add(F($"Charge point \"{cp.Id}\": the single phase must be L1, L2 or L3 but is {(int)cp.SinglePhase}."));
        }

        return errors.Count == count;
    }

    private static void ValidateCurrents(ChargePointSettings cp, double min, List<string> errors)
    {
        if (!(cp.MaxCurrentA >= min))
        {
            errors.Add(F($"Charge point \"{cp.Id}\": its maximum current of {cp.MaxCurrentA} A is below the minimum charging current of {min} A."));
        }
        else if (cp.MaxCurrentA > MaxChargePointCurrentA)
        {
            errors.Add(F($"Charge point \"{cp.Id}\": its maximum current must be at most {MaxChargePointCurrentA} A but is {cp.MaxCurrentA} A."));
        }

        if (!(cp.FailsafeCurrentA == 0 || cp.FailsafeCurrentA >= IecMinimumCurrentA))
        {
            errors.Add(F($"Charge point \"{cp.Id}\": the failsafe current must be 0 (stop) or at least {IecMinimumCurrentA} A but is {cp.FailsafeCurrentA} A."));
        }
        else if (cp.FailsafeCurrentA > cp.MaxCurrentA || cp.FailsafeCurrentA > MaxChargePointCurrentA)
        {
            errors.Add(F($"Charge point \"{cp.Id}\": the failsafe current of {cp.FailsafeCurrentA} A is above its maximum current of {cp.MaxCurrentA} A."));
        }

        if (cp.UnbalancedLoadLimitA is { } u && !(u >= 0 && u <= MaxChargePointCurrentA))
        {
            errors.Add(F($"Charge point \"{cp.Id}\": the unbalanced-load limit must be 0 to {MaxChargePointCurrentA} A, or empty, but is {u} A."));
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
