using OpenCpm.Protocols.Ocpp.V16;

namespace OpenCpm.Protocols.Ocpp;

/// <summary>Settings of one <see cref="OcppConnection"/>.</summary>
public sealed record OcppConnectionOptions
{
    /// <summary>Names the connection in log lines, e.g. the charge box identity.</summary>
    public string Name { get; init; } = "ocpp";

    public OcppActionSet Actions { get; init; } = OcppV16Actions.Set;

    /// <summary>How long an outgoing CALL waits for its answer (from the moment it is sent).</summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Received frames longer than this are drained without being kept, and a CALL among them is answered FormationViolation.</summary>
    public int MaxFrameBytes { get; init; } = OcppCodec.DefaultMaxFrameBytes;

    /// <summary>Incoming CALLs waiting for their handler; beyond this a CALL is answered GenericError at once.</summary>
    public int MaxQueuedIncomingCalls { get; init; } = 16;

    /// <summary>How long <see cref="OcppConnection.CloseAsync"/> waits for the peer's close frame before aborting.</summary>
    public TimeSpan CloseTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Message ids of outgoing CALLs (at most 36 characters, unique on the connection).</summary>
    public Func<string> NewMessageId { get; init; } = () => Guid.NewGuid().ToString("D");

    /// <summary>Called for every frame sent or received (received frames that do not parse are shown by length and reason).</summary>
    public Action<OcppFrameTrace>? OnFrame { get; init; }
}
