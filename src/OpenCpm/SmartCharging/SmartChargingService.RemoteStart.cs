using System.Collections.Immutable;
using System.Globalization;
using OpenCpm.Core.SmartCharging;

namespace OpenCpm.SmartCharging;

/// <summary>
/// RemoteStartTransaction with a chargingProfile (OCPP 1.6 §5.11, OCA TC_059/TC_060): the profile must be a TxProfile
/// without a transactionId and otherwise installable; it waits for the transaction the remote start begins and is
/// installed for it as soon as the backend's StartTransaction answer gives its id. Kept in memory only: a remote start
/// that does not begin a transaction (no vehicle within ConnectionTimeOut, a restart meanwhile) leaves nothing behind.
/// </summary>
internal sealed partial class SmartChargingService
{
    private ImmutableDictionary<int, ChargingProfile> _remoteStart = ImmutableDictionary<int, ChargingProfile>.Empty;

    /// <summary>Why <paramref name="profile"/> can't go with a remote start on <paramref name="connectorId"/>, or null when it can.</summary>
    public string? CheckForRemoteStart(int connectorId, ChargingProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.Purpose != ChargingProfilePurpose.TxProfile)
        {
            return $"a remote start's chargingProfile must be a TxProfile, not a {profile.Purpose}.";
        }

        if (profile.TransactionId is { } id)
        {
            return string.Create(CultureInfo.InvariantCulture, $"a remote start's chargingProfile has no transactionId yet but had {id}.");
        }

        // Checked as for the transaction it will belong to.
        return ChargingProfileValidator.Check(connectorId, profile, Connectors.Count, new ChargingTransaction(0, Now()), configuration);
    }

    /// <summary>A remote start on <paramref name="connectorId"/> was accepted with <paramref name="profile"/>: it is installed for the transaction that starts there next.</summary>
    public void ExpectRemoteStart(int connectorId, ChargingProfile profile)
    {
        lock (_lock)
        {
            _remoteStart = _remoteStart.SetItem(connectorId, profile);
        }
    }

    /// <summary>The remote start on <paramref name="connectorId"/> did not begin a transaction: its profile is dropped.</summary>
    public void ForgetRemoteStart(int connectorId)
    {
        lock (_lock)
        {
            _remoteStart = _remoteStart.Remove(connectorId);
        }
    }

    private void InstallRemoteStartProfile(int connectorId, int transactionId)
    {
        ChargingProfile? profile;
        lock (_lock)
        {
            profile = _remoteStart.GetValueOrDefault(connectorId);
            _remoteStart = _remoteStart.Remove(connectorId);
        }

        if (profile is not null)
        {
            _ = InstallForTransactionAsync(connectorId, profile with { TransactionId = transactionId });
        }
    }

    private async Task InstallForTransactionAsync(int connectorId, ChargingProfile profile)
    {
        try
        {
            await SetAsync(connectorId, profile, CancellationToken.None);
        }
        catch (Exception ex)
        {
            SmartChargingLog.RemoteStartProfileFailed(logger, connectorId, ex);
        }
    }
}
