using OpenCpm.Core.Authorization;

namespace OpenCpm.Authorization;

/// <summary>Whether the vehicle plugged in at a charge point may charge, by whose card, and why.</summary>
/// <param name="Outcome">Accept or AcceptProvisionally: it may charge; WaitForCard or Reject: not.</param>
/// <param name="IdTag">The card or token the session runs under (the predefined token when authorization is off).</param>
/// <param name="Explanation">A sentence for people.</param>
/// <param name="By">What decided: the plug-in rule, a card, or the operator.</param>
/// <param name="PresentedTag">The tag the station reported, as it reported it (only a new one is decided again).</param>
/// <param name="SeenPlugged">A vehicle was plugged in while this held (an operator's start before the plug-in waits for it).</param>
internal sealed record ChargePointAuthorization(
    AuthorizationOutcome Outcome,
    CardUid? IdTag,
    string Explanation,
    AuthorizedBy By,
    string? PresentedTag = null,
    bool SeenPlugged = false)
{
    public bool AllowsCharging => Outcome is AuthorizationOutcome.Accept or AuthorizationOutcome.AcceptProvisionally;
}
