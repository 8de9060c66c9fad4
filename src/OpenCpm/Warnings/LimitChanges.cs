using System.Globalization;
using OpenCpm.Core.LoadManagement;

namespace OpenCpm.Warnings;

/// <summary>What changed in the site's limits between two settings, one sentence per limit, for the event log.</summary>
internal static class LimitChanges
{
    public const string Source = "site";

    public static IEnumerable<string> Of(SiteSettings before, SiteSettings after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (before.MaxCurrentA != after.MaxCurrentA)
        {
            yield return F($"The site limit changed from {before.MaxCurrentA:0.#} A to {after.MaxCurrentA:0.#} A per phase.");
        }

        if (before.MaxPowerW != after.MaxPowerW)
        {
            yield return $"The site's maximum charging power changed from {Watts(before.MaxPowerW)} to {Watts(after.MaxPowerW)}.";
        }

        if (before.UnbalancedLoadLimitA != after.UnbalancedLoadLimitA)
        {
            yield return $"The unbalanced-load limit changed from {Amperes(before.UnbalancedLoadLimitA)} to {Amperes(after.UnbalancedLoadLimitA)}.";
        }

        if ((before.MeterFallbackPowerW ?? 0) != (after.MeterFallbackPowerW ?? 0))
        {
            var stops = after.MeterFallbackPowerW is null or <= 0 ? " (charging stops while the meter is lost)" : "";
            yield return $"The meter fallback power changed from {Watts(before.MeterFallbackPowerW)} to {Watts(after.MeterFallbackPowerW)}{stops}.";
        }

        var old = before.Clusters.ToDictionary(c => c.Id, StringComparer.Ordinal);
        foreach (var cluster in after.Clusters)
        {
            if (old.TryGetValue(cluster.Id, out var was) && was.MaxCurrentA != cluster.MaxCurrentA)
            {
                yield return F($"The limit of cluster \"{cluster.Id}\" changed from {was.MaxCurrentA:0.#} A to {cluster.MaxCurrentA:0.#} A per phase.");
            }
        }

        if (before.ClustersEnabled != after.ClustersEnabled)
        {
            yield return after.ClustersEnabled ? "The cluster limits are switched on." : "The cluster limits are switched off.";
        }
    }

    private static string Watts(double? w) => w is { } value and > 0 ? F($"{value:0} W") : "none";

    private static string Amperes(double? a) => a is { } value ? F($"{value:0.#} A") : "none";

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
