namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>MeterValues.req (Charge Point → Central System, Core profile).</summary>
public sealed record MeterValuesRequest : IOcppRequest<MeterValuesResponse>
{
    public required int ConnectorId { get; init; }

    public int? TransactionId { get; init; }

    public required IReadOnlyList<MeterValue> MeterValue { get; init; }
}
