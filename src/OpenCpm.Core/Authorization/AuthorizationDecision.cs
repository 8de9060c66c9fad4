namespace OpenCpm.Core.Authorization;

/// <summary>What to do with a presented card (or a plugged-in vehicle), and why.</summary>
public sealed record AuthorizationDecision
{
    public required AuthorizationOutcome Outcome { get; init; }

    public required AuthorizationSource Source { get; init; }

    /// <summary>Why the card was refused; null unless <see cref="Outcome"/> is Reject.</summary>
    public RejectReason? Reason { get; init; }

    /// <summary>
    /// The session's idTag (and the one to send in Authorize): the matched card's UID as the list stores it, else the
    /// presented UID, or the predefined token when no card is needed; null when no token is configured.
    /// </summary>
    public CardUid? IdTag { get; init; }

    /// <summary>The card of the card list the decision rests on, if any.</summary>
    public Card? Card { get; init; }

    /// <summary>A sentence for the event log.</summary>
    public required string Explanation { get; init; }

    /// <summary>Whether charging may start now.</summary>
    public bool StartsCharging => Outcome is AuthorizationOutcome.Accept or AuthorizationOutcome.AcceptProvisionally;

    /// <summary>A message of at most 20 characters for a station's display.</summary>
    public string DisplayText => Outcome switch
    {
        AuthorizationOutcome.Accept or AuthorizationOutcome.AcceptProvisionally => "Card accepted",
        AuthorizationOutcome.AskBackend => "Checking card",
        AuthorizationOutcome.WaitForCard => "Present card",
        _ => Reason switch
        {
            RejectReason.Blocked => "Card blocked",
            RejectReason.Expired => "Card expired",
            RejectReason.Invalid => "Card invalid",
            RejectReason.ConcurrentTx => "Card already in use",
            RejectReason.NotAllowedHere => "Card not valid here",
            RejectReason.OfflineNoCharging => "Offline: no charging",
            _ => "Card unknown",
        },
    };
}
