namespace OpenCpm.Core.Authorization;

/// <summary>How a presented card is treated while the backend is unreachable (manual 9.2.1, "Offline Authorization Mode").</summary>
public enum OfflineAuthorizationMode
{
    /// <summary>Every card is accepted, even one not in the card list; only cards in the list whose status is not Accepted are refused.</summary>
    OfflineLocalUnknownAuthorization,

    /// <summary>Only cards in the card list with status Accepted are accepted.</summary>
    OfflineLocalAuthorization,

    /// <summary>Every card is accepted provisionally; once the backend is back the card is checked and, if invalid, charging stops.</summary>
    OfflineNoAuthorization,

    /// <summary>No charging while the backend is unreachable.</summary>
    OfflineNoCharging,

    /// <summary>Authorization is off while the backend is unreachable.</summary>
    OfflineFreeCharging,
}
