namespace OpenCpm.Protocols.Ocpp;

/// <summary>The first element of every OCPP-J frame.</summary>
public enum OcppMessageType
{
    Call = 2,
    CallResult = 3,
    CallError = 4,
}
