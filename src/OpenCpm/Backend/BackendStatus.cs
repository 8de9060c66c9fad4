namespace OpenCpm.Backend;

/// <summary>The link to the operator's backend (OCPP) as the status shows it.</summary>
/// <param name="Url">The backend's address (without secrets); null when none is configured.</param>
/// <param name="State">notConfigured, disconnected, connecting, connected or rejected.</param>
/// <param name="LastHeartbeat">The last heartbeat the backend answered.</param>
internal sealed record BackendStatus(string? Url, string State, DateTimeOffset? LastHeartbeat)
{
    public static BackendStatus NotConfigured { get; } = new(null, "notConfigured", null);
}
