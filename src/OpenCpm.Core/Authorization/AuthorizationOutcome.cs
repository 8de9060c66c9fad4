namespace OpenCpm.Core.Authorization;

public enum AuthorizationOutcome
{
    /// <summary>Enable charging.</summary>
    Accept,

    /// <summary>
    /// Enable charging now, and check the idTag with the backend as soon as it answers (an Authorize once it is
    /// reachable, or the StartTransaction answer); <see cref="AuthorizationPolicy.Verify"/> then says whether to stop.
    /// </summary>
    AcceptProvisionally,

    /// <summary>Keep charging off; <see cref="AuthorizationDecision.Reason"/> says why.</summary>
    Reject,

    /// <summary>Send Authorize for <see cref="AuthorizationDecision.IdTag"/>; pass the answer (or null on a timeout) to <see cref="AuthorizationPolicy.Complete"/>.</summary>
    AskBackend,

    /// <summary>A vehicle was plugged in and charging waits for a card.</summary>
    WaitForCard,
}
