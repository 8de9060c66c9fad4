using System.Text.Json.Serialization;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>RecurrencyKindType, used in RemoteStartTransaction.req, SetChargingProfile.req.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RecurrencyKindType>))]
public enum RecurrencyKindType
{
    Daily,
    Weekly,
}
