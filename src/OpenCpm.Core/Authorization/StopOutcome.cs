namespace OpenCpm.Core.Authorization;

/// <summary>Whether a card presented at a charge point with a running session may stop it.</summary>
public enum StopOutcome
{
    /// <summary>The card that started the session (no Authorize needed, OCPP 1.6 §3.5).</summary>
    AllowedSameCard,

    /// <summary>The network's master card, valid today: it may stop any session.</summary>
    AllowedMasterCard,

    /// <summary>A card with the same parent idTag as the session's card (OCPP 1.6 §3.5).</summary>
    AllowedSameParent,

    /// <summary>Send Authorize for the presented card; pass the answer to <see cref="AuthorizationPolicy.CompleteStop"/>.</summary>
    AskBackend,

    Refused,
}
