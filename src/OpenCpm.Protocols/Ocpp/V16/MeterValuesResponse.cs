namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>MeterValues.conf: the answer to <see cref="MeterValuesRequest"/>.</summary>
public sealed record MeterValuesResponse;
