namespace OpenCpm.Core.Authorization;

/// <summary>The result of checking a provisionally accepted idTag; <see cref="Reason"/> is set when it says Stop.</summary>
public sealed record VerificationResult(VerificationOutcome Outcome, RejectReason? Reason, string Explanation);
