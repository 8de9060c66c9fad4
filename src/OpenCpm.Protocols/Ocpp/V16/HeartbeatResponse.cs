namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>Heartbeat.conf: the answer to <see cref="HeartbeatRequest"/>.</summary>
public sealed record HeartbeatResponse
{
    public required DateTimeOffset CurrentTime { get; init; }
}
