using System.Globalization;
using OpenCpm.Core.LoadManagement;

namespace OpenCpm.Data;

/// <summary>
/// Charging preferences (manual 8.1.4): a current limit per charge point that the load manager never exceeds for it
/// (the allocator's <see cref="LimitKind.UserPreference"/>). A charge point without one charges with whatever the
/// network has for it.
/// </summary>
internal sealed record ChargingPreferences : ISettingsDocument<ChargingPreferences>
{
    public static string Key => "chargingPreferences";

    public static ChargingPreferences Default { get; } = new();

    /// <summary>Charge point id → its current limit in A.</summary>
    public IReadOnlyDictionary<string, double> CurrentLimitsA { get; init; } = new Dictionary<string, double>(StringComparer.Ordinal);

    public double? LimitFor(string chargePointId) => CurrentLimitsA.TryGetValue(chargePointId, out var limit) ? limit : null;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        foreach (var (id, limitA) in CurrentLimitsA)
        {
            if (!double.IsFinite(limitA) || limitA < SiteSettingsValidator.IecMinimumCurrentA || limitA > 80)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture,
                    $"The charging preference of charge point \"{id}\" must be between {SiteSettingsValidator.IecMinimumCurrentA} and 80 A but is {limitA} A."));
            }
        }

        return errors;
    }
}
