using System.Text.Json.Serialization;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>ValueFormat, used in MeterValues.req, StopTransaction.req.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ValueFormat>))]
public enum ValueFormat
{
    Raw,
    SignedData,
}
