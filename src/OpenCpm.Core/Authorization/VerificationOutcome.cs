namespace OpenCpm.Core.Authorization;

/// <summary>What to do with a provisionally accepted session once the backend has (or has not yet) spoken.</summary>
public enum VerificationOutcome
{
    /// <summary>The backend accepted the idTag: the session carries on, nothing more to check.</summary>
    Continue,

    /// <summary>The backend refused the idTag: stop the session (OCPP stop reason DeAuthorized).</summary>
    Stop,

    /// <summary>No answer yet: ask again when the backend is reachable; the session carries on meanwhile.</summary>
    Pending,
}
