namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>Heartbeat.req (Charge Point → Central System, Core profile).</summary>
public sealed record HeartbeatRequest : IOcppRequest<HeartbeatResponse>;
