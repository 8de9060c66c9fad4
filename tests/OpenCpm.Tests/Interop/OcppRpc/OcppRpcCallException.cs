namespace OpenCpm.Tests.Interop.OcppRpc;

/// <summary>The ocpp-rpc peer's call failed: our side answered a CALLERROR (code as ocpp-rpc read it), or it timed out.</summary>
internal sealed class OcppRpcCallException(string code, string message) : Exception($"{code}: {message}")
{
    public string Code { get; } = code;
}
