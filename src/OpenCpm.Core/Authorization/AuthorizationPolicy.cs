using System.Globalization;

namespace OpenCpm.Core.Authorization;

/// <summary>
/// The RFID authorization rules of manual 9.2 as pure functions; the host applies the decisions (enables the station,
/// sends Authorize, stores answers in the cache, stops sessions).
/// <list type="bullet">
/// <item><b>Authorization off:</b> charging starts on plug-in with the predefined token as the session's idTag. With a
/// backend configured the backend must accept that token (manual 9.2.3), so the start is provisional: the backend's
/// answer goes through <see cref="Verify"/>.</item>
/// <item><b>No backend configured:</b> the card list decides, whatever the online mode (the manual requires FirstLocal
/// there; FirstOnline would otherwise refuse every card), and the offline mode does not apply: there is no connection
/// to lose.</item>
/// <item><b>OnlyLocal:</b> the backend plays no part in authorization, so its reachability changes nothing: the card list
/// decides and the offline mode does not apply.</item>
/// <item><b>FirstLocal, backend reachable:</b> a card in the list is decided by the list (a blocked one is refused without
/// asking); else a valid cache entry accepts it (OCPP LocalPreAuthorize); else ask the backend.</item>
/// <item><b>FirstOnline, backend reachable:</b> always ask the backend; its answer is final.</item>
/// <item><b>Backend unreachable, or no answer to Authorize</b> (FirstLocal, FirstOnline): the offline mode, exactly as
/// the manual's table says. OfflineLocalUnknownAuthorization and OfflineLocalAuthorization decide known cards by the
/// list, then by the cache (an expired or refused entry is refused, as OCPP requires); unknown cards are accepted by
/// the first and refused by the second. OfflineNoAuthorization accepts every card provisionally, even one the list
/// refuses ("toutes les cartes RFID sont provisoirement acceptées"), to be checked when the backend is back.
/// OfflineNoCharging refuses every card; OfflineFreeCharging accepts every card and starts on plug-in.</item>
/// <item><b>A card from the list</b> is valid when its status is Accepted, its expiry date has not passed
/// (<see cref="Card.IsExpiredAt"/>: valid through the whole expiry day, local time) and it may charge at this charge
/// point (its list names the charge point's id or serial, or is empty). Checked in that order, so a blocked card
/// restricted elsewhere is reported as blocked.</item>
/// </list>
/// </summary>
public static class AuthorizationPolicy
{
    /// <summary>A vehicle was plugged in: start now (authorization off, or offline free charging) or wait for a card.</summary>
    public static AuthorizationDecision DecidePlugIn(AuthorizationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Settings.Enabled)
        {
            return Off(context);
        }

        if (UsesOfflineMode(context) && context.Settings.OfflineMode == OfflineAuthorizationMode.OfflineFreeCharging)
        {
            return Decision(AuthorizationOutcome.Accept, AuthorizationSource.OfflineMode, context.Settings.PredefinedToken,
                "Charging starts without a card: the backend is unreachable and the offline mode is OfflineFreeCharging.");
        }

        return Decision(AuthorizationOutcome.WaitForCard, AuthorizationSource.LocalList, null,
            $"Charging at {context.ChargePoint} waits for a card.");
    }

    /// <summary>A card was presented at <see cref="AuthorizationContext.ChargePoint"/>.</summary>
    public static AuthorizationDecision Decide(AuthorizationContext context, CardUid presented)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(presented);
        if (!context.Settings.Enabled)
        {
            return Off(context);
        }

        var card = context.Cards.Match(presented);
        if (context.Backend == BackendAvailability.NotConfigured || context.Settings.OnlineMode == OnlineAuthorizationMode.OnlyLocal)
        {
            return card is null ? NotInList(presented) : ByCard(context, card);
        }

        if (context.Backend == BackendAvailability.Unreachable)
        {
            return Offline(context, presented, card);
        }

        if (context.Settings.OnlineMode == OnlineAuthorizationMode.FirstLocal)
        {
            if (card is not null)
            {
                return ByCard(context, card);
            }

            if (context.Cache.Find(presented) is { } entry && entry.IsValidAt(context.Now))
            {
                return Decision(AuthorizationOutcome.Accept, AuthorizationSource.AuthorizationCache, presented,
                    $"Card {presented} is accepted by the authorization cache.");
            }
        }

        var idTag = card?.Uid ?? presented;
        return Decision(AuthorizationOutcome.AskBackend, AuthorizationSource.Backend, idTag,
            $"Card {idTag} is sent to the backend for authorization.", card);
    }

    /// <summary>
    /// The backend's answer to the Authorize that <see cref="Decide"/> asked for, or null when none came (a timeout
    /// or an error): then the backend counts as unreachable and the offline mode decides. The host stores an answer in
    /// the cache (<see cref="AuthorizationCache.With"/>) unless the idTag is in the card list: list entries never go
    /// into the cache (OCPP 1.6 §3.5.2).
    /// </summary>
    public static AuthorizationDecision Complete(AuthorizationContext context, CardUid presented, IdTagInfo? answer)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(presented);
        var card = context.Cards.Match(presented);
        if (answer is null)
        {
            return Offline(context, presented, card);
        }

        var idTag = card?.Uid ?? presented;
        return answer.Status == IdTagStatus.Accepted
            ? Decision(AuthorizationOutcome.Accept, AuthorizationSource.Backend, idTag, $"Card {idTag} is accepted by the backend.", card)
            : Rejected(AuthorizationSource.Backend, ReasonOf(answer.Status), idTag, $"The backend refuses card {idTag}: {Describe(answer.Status)}.", card);
    }

    /// <summary>
    /// The backend's answer for a provisionally accepted idTag (null: none yet). ConcurrentTx means the tag is valid and
    /// already in a transaction, which the provisional session itself may be: the session carries on.
    /// </summary>
    public static VerificationResult Verify(CardUid idTag, IdTagInfo? answer)
    {
        ArgumentNullException.ThrowIfNull(idTag);
        return answer?.Status switch
        {
            null => new(VerificationOutcome.Pending, null, $"Card {idTag} is still to be checked with the backend."),
            IdTagStatus.Accepted or IdTagStatus.ConcurrentTx => new(VerificationOutcome.Continue, null, $"The backend confirms card {idTag}."),
            { } status => new(VerificationOutcome.Stop, ReasonOf(status), $"The backend refuses card {idTag} ({Describe(status)}): the session is stopped."),
        };
    }

    /// <summary>
    /// A card was presented where a session runs under <paramref name="sessionIdTag"/>. Allowed: the same card (by
    /// <see cref="CardUid.Matches"/> or through the card list); the master card if it is valid today, at any charge
    /// point and whatever card started the session (the manual only says there is one master card; this is our
    /// reading of what it is for); a card whose cached parent idTag equals the session card's. Otherwise, if the
    /// backend is reachable, not bypassed by OnlyLocal and the session card's parent is known, ask the backend
    /// (<see cref="CompleteStop"/>); else refused.
    /// </summary>
    public static StopDecision DecideStop(AuthorizationContext context, CardUid presented, CardUid? sessionIdTag)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(presented);
        var card = context.Cards.Match(presented);
        if (sessionIdTag is not null && (presented.Matches(sessionIdTag) || card?.Uid == sessionIdTag))
        {
            return new(StopOutcome.AllowedSameCard, $"Card {presented} started the session and stops it.");
        }

        if (card is { IsMasterCard: true } && card.Status == CardStatus.Accepted && !card.IsExpiredAt(context.Now))
        {
            return new(StopOutcome.AllowedMasterCard, $"The master {card.Describe()} stops the session of {sessionIdTag?.Value ?? "no card"}.");
        }

        var sessionParent = sessionIdTag is null ? null : context.Cache.Find(sessionIdTag)?.Info.ParentIdTag;
        if (sessionParent is not null && context.Cache.Find(presented)?.Info.ParentIdTag == sessionParent)
        {
            return new(StopOutcome.AllowedSameParent, $"Card {presented} has the same parent {sessionParent} as the session's card and stops the session.");
        }

        return sessionParent is not null && context.Backend == BackendAvailability.Reachable && context.Settings.OnlineMode != OnlineAuthorizationMode.OnlyLocal
            ? new(StopOutcome.AskBackend, $"Card {presented} is sent to the backend to learn its parent.")
            : new(StopOutcome.Refused, $"Card {presented} did not start the session and may not stop it.");
    }

    /// <summary>The backend's answer to the Authorize that <see cref="DecideStop"/> asked for (null: none came).</summary>
    public static StopDecision CompleteStop(AuthorizationContext context, CardUid presented, CardUid? sessionIdTag, IdTagInfo? answer)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(presented);
        var sessionParent = sessionIdTag is null ? null : context.Cache.Find(sessionIdTag)?.Info.ParentIdTag;
        return answer is { Status: IdTagStatus.Accepted or IdTagStatus.ConcurrentTx, ParentIdTag: { } parent } && parent == sessionParent
            ? new(StopOutcome.AllowedSameParent, $"Card {presented} has the same parent {parent} as the session's card and stops the session.")
            : new(StopOutcome.Refused, $"Card {presented} did not start the session and may not stop it.");
    }

    /// <summary>Whether the offline mode applies now: a backend is configured, unreachable, and not bypassed by OnlyLocal.</summary>
    private static bool UsesOfflineMode(AuthorizationContext context) =>
        context.Backend == BackendAvailability.Unreachable && context.Settings.OnlineMode != OnlineAuthorizationMode.OnlyLocal;

    private static AuthorizationDecision Off(AuthorizationContext context)
    {
        var token = context.Settings.PredefinedToken;
        var name = token is null ? "no idTag" : $"the predefined token {token}";
        return context.Backend == BackendAvailability.NotConfigured
            ? Decision(AuthorizationOutcome.Accept, AuthorizationSource.AuthorizationOff, token, $"Authorization is off: charging starts with {name}.")
            : Decision(AuthorizationOutcome.AcceptProvisionally, AuthorizationSource.AuthorizationOff, token,
                $"Authorization is off: charging starts with {name}, which the backend must accept.");
    }

    private static AuthorizationDecision Offline(AuthorizationContext context, CardUid presented, Card? card)
    {
        var mode = context.Settings.OfflineMode;
        var idTag = card?.Uid ?? presented;
        switch (mode)
        {
            case OfflineAuthorizationMode.OfflineNoCharging:
                return Rejected(AuthorizationSource.OfflineMode, RejectReason.OfflineNoCharging, idTag,
                    $"Card {idTag} is refused: the backend is unreachable and the offline mode is {mode}.", card);
            case OfflineAuthorizationMode.OfflineFreeCharging:
                return Decision(AuthorizationOutcome.Accept, AuthorizationSource.OfflineMode, idTag,
                    $"Card {idTag} is accepted without a check: the backend is unreachable and the offline mode is {mode}.", card);
            case OfflineAuthorizationMode.OfflineNoAuthorization:
                return Decision(AuthorizationOutcome.AcceptProvisionally, AuthorizationSource.OfflineMode, idTag,
                    $"Card {idTag} is accepted provisionally, to be checked when the backend is back (offline mode {mode}).", card);
        }

        if (card is not null)
        {
            return ByCard(context, card);
        }

        if (context.Cache.Find(presented) is { } entry)
        {
            return ByCacheEntry(context, entry);
        }

        return mode == OfflineAuthorizationMode.OfflineLocalUnknownAuthorization
            ? Decision(AuthorizationOutcome.Accept, AuthorizationSource.OfflineMode, presented,
                $"Card {presented} is not in the card list and is accepted: the backend is unreachable and the offline mode is {mode}.")
            : NotInList(presented);
    }

    private static AuthorizationDecision ByCard(AuthorizationContext context, Card card)
    {
        var problem = card.Status switch
        {
            CardStatus.Blocked => (RejectReason.Blocked, "is blocked"),
            CardStatus.Expired => (RejectReason.Expired, "has the status Expired"),
            CardStatus.Invalid => (RejectReason.Invalid, "is invalid"),
            _ when card.IsExpiredAt(context.Now) => (RejectReason.Expired, $"expired at the end of {card.Expiry!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"),
            _ when !card.AllowsChargePoint(context.ChargePoint) => (RejectReason.NotAllowedHere, $"may not charge at {context.ChargePoint}"),
            _ => ((RejectReason, string)?)null,
        };

        var name = card.Describe();
        return problem is { } p
            ? Rejected(AuthorizationSource.LocalList, p.Item1, card.Uid, $"{Capitalized(name)} {p.Item2}.", card)
            : Decision(AuthorizationOutcome.Accept, AuthorizationSource.LocalList, card.Uid, $"{Capitalized(name)} is accepted by the card list.", card);
    }

    private static AuthorizationDecision ByCacheEntry(AuthorizationContext context, AuthorizationCacheEntry entry)
    {
        if (entry.IsValidAt(context.Now))
        {
            return Decision(AuthorizationOutcome.Accept, AuthorizationSource.AuthorizationCache, entry.Uid,
                $"Card {entry.Uid} is accepted by the authorization cache.");
        }

        var reason = entry.Info.Status == IdTagStatus.Accepted ? RejectReason.Expired : ReasonOf(entry.Info.Status);
        var why = entry.Info.Status == IdTagStatus.Accepted ? "has expired" : Describe(entry.Info.Status);
        return Rejected(AuthorizationSource.AuthorizationCache, reason, entry.Uid, $"Card {entry.Uid} is refused by the authorization cache: {why}.", null);
    }

    private static AuthorizationDecision NotInList(CardUid presented) =>
        Rejected(AuthorizationSource.LocalList, RejectReason.Unknown, presented, $"Card {presented} is not in the card list.", null);

    private static RejectReason ReasonOf(IdTagStatus status) => status switch
    {
        IdTagStatus.Blocked => RejectReason.Blocked,
        IdTagStatus.Expired => RejectReason.Expired,
        IdTagStatus.ConcurrentTx => RejectReason.ConcurrentTx,
        _ => RejectReason.Invalid,
    };

    private static string Describe(IdTagStatus status) => status switch
    {
        IdTagStatus.Blocked => "blocked",
        IdTagStatus.Expired => "expired",
        IdTagStatus.ConcurrentTx => "already in another transaction",
        IdTagStatus.Accepted => "accepted",
        _ => "invalid",
    };

    private static AuthorizationDecision Decision(AuthorizationOutcome outcome, AuthorizationSource source, CardUid? idTag, string explanation, Card? card = null) =>
        new() { Outcome = outcome, Source = source, IdTag = idTag, Explanation = explanation, Card = card };

    private static AuthorizationDecision Rejected(AuthorizationSource source, RejectReason reason, CardUid idTag, string explanation, Card? card) =>
        new() { Outcome = AuthorizationOutcome.Reject, Source = source, Reason = reason, IdTag = idTag, Explanation = explanation, Card = card };

    private static string Capitalized(string text) => string.Concat(text[..1].ToUpperInvariant(), text.AsSpan(1));
}
