namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>SampledValue, used in MeterValues.req, StopTransaction.req.</summary>
public sealed record SampledValue
{
    public required string Value { get; init; }

    public ReadingContext? Context { get; init; }

    public ValueFormat? Format { get; init; }

    public Measurand? Measurand { get; init; }

    public Phase? Phase { get; init; }

    public Location? Location { get; init; }

    public UnitOfMeasure? Unit { get; init; }
}
