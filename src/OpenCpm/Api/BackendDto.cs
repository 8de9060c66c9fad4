namespace OpenCpm.Api;

/// <summary>The OCPP backend (CSMS) connection: url, state, last heartbeat.</summary>
internal sealed record BackendDto(string? Url, string State, DateTimeOffset? LastHeartbeat);
