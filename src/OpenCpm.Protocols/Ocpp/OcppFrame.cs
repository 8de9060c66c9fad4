namespace OpenCpm.Protocols.Ocpp;

/// <summary>One OCPP-J RPC frame: <see cref="OcppCall"/>, <see cref="OcppCallResult"/> or <see cref="OcppCallError"/>.</summary>
public abstract record OcppFrame(string MessageId)
{
    public abstract OcppMessageType MessageType { get; }
}
