namespace OpenCpm.Security;

/// <summary>What a recovery did: done (with the generated first-login password when none was given) or why not.</summary>
internal sealed record RecoveryResult(RecoveryOutcome Outcome, string? Problem, string? FirstLoginPassword = null, TimeSpan? RetryAfter = null);
