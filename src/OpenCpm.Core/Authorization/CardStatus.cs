namespace OpenCpm.Core.Authorization;

/// <summary>A card's status in the card list (manual 9.2.2 "Status"; the values of OCPP's idTagInfo without ConcurrentTx).</summary>
public enum CardStatus
{
    Accepted,
    Blocked,
    Expired,
    Invalid,
}
