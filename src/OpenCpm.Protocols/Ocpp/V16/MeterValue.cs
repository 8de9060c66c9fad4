namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>MeterValue, used in MeterValues.req, StopTransaction.req.</summary>
public sealed record MeterValue
{
    public required DateTimeOffset Timestamp { get; init; }

    public required IReadOnlyList<SampledValue> SampledValue { get; init; }
}
