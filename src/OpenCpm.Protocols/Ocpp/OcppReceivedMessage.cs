namespace OpenCpm.Protocols.Ocpp;

/// <summary>One received WebSocket message: the bytes kept (all of them unless oversized) and its real length.</summary>
internal readonly record struct OcppReceivedMessage(ReadOnlyMemory<byte> Bytes, long Length, bool Oversized);
