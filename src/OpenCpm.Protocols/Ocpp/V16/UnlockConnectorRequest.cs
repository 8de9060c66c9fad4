namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>UnlockConnector.req (Central System → Charge Point, Core profile).</summary>
public sealed record UnlockConnectorRequest : IOcppRequest<UnlockConnectorResponse>
{
    public required int ConnectorId { get; init; }
}
