using System.Text.Json.Serialization;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>UnitOfMeasure, used in MeterValues.req, StopTransaction.req.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<UnitOfMeasure>))]
public enum UnitOfMeasure
{
    Wh,
    [JsonStringEnumMemberName("kWh")]
    KWh,
    [JsonStringEnumMemberName("varh")]
    Varh,
    [JsonStringEnumMemberName("kvarh")]
    Kvarh,
    W,
    [JsonStringEnumMemberName("kW")]
    KW,
    VA,
    [JsonStringEnumMemberName("kVA")]
    KVA,
    [JsonStringEnumMemberName("var")]
    Var,
    [JsonStringEnumMemberName("kvar")]
    Kvar,
    A,
    V,
    K,
    Celcius,
    Celsius,
    Fahrenheit,
    Percent,
}
