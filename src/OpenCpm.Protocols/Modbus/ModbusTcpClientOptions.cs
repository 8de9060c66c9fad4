namespace OpenCpm.Protocols.Modbus;

/// <summary>Where a Modbus TCP meter is and how long to wait for it.</summary>
public sealed record ModbusTcpClientOptions(string Host, int Port = 502, byte UnitId = 1)
{
    /// <summary>Longest wait for the connection and for each answer.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(1);

    public string Endpoint => $"{Host}:{Port}";
}
