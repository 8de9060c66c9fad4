namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>DataTransfer.conf: the answer to <see cref="DataTransferRequest"/>.</summary>
public sealed record DataTransferResponse
{
    public required DataTransferStatus Status { get; init; }

    public string? Data { get; init; }
}
