namespace OpenCpm.Protocols.Ocpp;

/// <summary>One frame as it crossed the wire, secrets masked (<see cref="OcppRedaction"/>), for an event log.</summary>
public sealed record OcppFrameTrace(DateTimeOffset At, bool Outbound, string Text);
