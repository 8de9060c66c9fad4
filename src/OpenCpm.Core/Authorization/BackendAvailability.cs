namespace OpenCpm.Core.Authorization;

/// <summary>Whether the site has an OCPP backend and whether it can be reached right now.</summary>
public enum BackendAvailability
{
    /// <summary>No backend is configured: the card list decides (manual 9.2.2).</summary>
    NotConfigured,

    Reachable,

    /// <summary>A backend is configured but the connection is down: the offline mode applies.</summary>
    Unreachable,
}
