namespace OpenCpm.Core.Authorization;

public enum RejectReason
{
    /// <summary>The card is neither in the card list nor known to the backend.</summary>
    Unknown,

    Blocked,

    /// <summary>The card's status is Expired or its expiry date has passed.</summary>
    Expired,

    Invalid,

    /// <summary>The backend says the card is already in another transaction.</summary>
    ConcurrentTx,

    /// <summary>The card is restricted to other charge points.</summary>
    NotAllowedHere,

    /// <summary>The backend is unreachable and the offline mode is OfflineNoCharging.</summary>
    OfflineNoCharging,
}
