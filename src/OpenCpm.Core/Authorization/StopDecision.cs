namespace OpenCpm.Core.Authorization;

/// <summary>Whether a presented card may stop the running session, and a sentence for the event log.</summary>
public sealed record StopDecision(StopOutcome Outcome, string Explanation)
{
    public bool StopsSession => Outcome is StopOutcome.AllowedSameCard or StopOutcome.AllowedMasterCard or StopOutcome.AllowedSameParent;
}
