namespace OpenCpm.Core.SmartCharging;

/// <summary>What the profiles allow a connector (0 = all charging together) at one instant, in amperes per phase.</summary>
/// <param name="LimitA">The lowest limit of the profiles in force.</param>
/// <param name="MinimumA">The minChargingRate of the transaction-level profile in force, at most <paramref name="LimitA"/>; null = none.</param>
/// <param name="BoundBy">The purpose of the profile whose limit is <paramref name="LimitA"/>.</param>
public readonly record struct ConnectorLimit(double LimitA, double? MinimumA, ChargingProfilePurpose BoundBy);
