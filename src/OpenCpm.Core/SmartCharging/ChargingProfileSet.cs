namespace OpenCpm.Core.SmartCharging;

/// <summary>
/// The profiles installed on the site, immutable: installing, clearing and expiring return a new set. A profile
/// replaces the one with the same id and the one with the same purpose and stack level on the same connector
/// (OCPP 1.6 §5.16). See <see cref="LimitAt"/> for what the set allows and <see cref="Composite"/> for
/// GetCompositeSchedule.
/// </summary>
public sealed partial class ChargingProfileSet
{
    private readonly InstalledChargingProfile[] _profiles;

    public ChargingProfileSet(IEnumerable<InstalledChargingProfile> profiles)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        _profiles = [.. profiles];
    }

    public static ChargingProfileSet Empty { get; } = new([]);

    /// <summary>In the order they were installed.</summary>
    public IReadOnlyList<InstalledChargingProfile> Profiles => _profiles;

    /// <summary>
    /// Installs <paramref name="profile"/> on <paramref name="connectorId"/> when <see cref="ChargingProfileValidator"/>
    /// allows it and the set stays within <see cref="SmartChargingConfiguration.MaxProfilesInstalled"/>. A TxProfile
    /// without a transactionId is given the running transaction's.
    /// </summary>
    public ProfileInstallResult Install(
        int connectorId, ChargingProfile profile, DateTimeOffset now, int connectorCount, ChargingTransaction? transaction, SmartChargingConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(configuration);
        if (ChargingProfileValidator.Check(connectorId, profile, connectorCount, transaction, configuration) is { } problem)
        {
            return new ProfileInstallResult(this, null, [], problem);
        }

        if (profile.Purpose == ChargingProfilePurpose.TxProfile)
        {
            profile = profile with { TransactionId = transaction!.TransactionId };
        }

        var replaced = _profiles.Where(p => p.Profile.Id == profile.Id
            || (p.ConnectorId == connectorId && p.Profile.Purpose == profile.Purpose && p.Profile.StackLevel == profile.StackLevel)).ToArray();
        if (_profiles.Length - replaced.Length + 1 > configuration.MaxProfilesInstalled)
        {
            return new ProfileInstallResult(this, null, [], string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{configuration.MaxProfilesInstalled} profiles are installed already ({SmartChargingConfiguration.MaxProfilesInstalledKey})."));
        }

        var installed = new InstalledChargingProfile(connectorId, profile, now);
        return new ProfileInstallResult(new ChargingProfileSet([.. _profiles.Except(replaced), installed]), installed, replaced, null);
    }

    /// <summary>Removes the profiles <paramref name="filter"/> matches (ClearChargingProfile).</summary>
    public ProfileRemoval Clear(ChargingProfileFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return Without(filter.Matches);
    }

    /// <summary>Removes the profiles that can't be in force again from <paramref name="at"/> on (<see cref="ChargingProfileTimeline.HasEnded"/>).</summary>
    public ProfileRemoval WithoutEnded(DateTimeOffset at) => Without(p => ChargingProfileTimeline.HasEnded(p, at));

    /// <summary>Removes the TxProfiles of transaction <paramref name="transactionId"/> on <paramref name="connectorId"/> (it ended).</summary>
    public ProfileRemoval WithoutTransaction(int connectorId, int transactionId) => Without(p =>
        p.ConnectorId == connectorId && p.Profile.Purpose == ChargingProfilePurpose.TxProfile && p.Profile.TransactionId == transactionId);

    private ProfileRemoval Without(Func<InstalledChargingProfile, bool> remove)
    {
        var removed = _profiles.Where(remove).ToArray();
        return removed.Length == 0 ? new ProfileRemoval(this, []) : new ProfileRemoval(new ChargingProfileSet(_profiles.Except(removed)), removed);
    }
}
