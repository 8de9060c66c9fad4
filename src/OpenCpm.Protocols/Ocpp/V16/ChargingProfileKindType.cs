using System.Text.Json.Serialization;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>ChargingProfileKindType, used in RemoteStartTransaction.req, SetChargingProfile.req.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ChargingProfileKindType>))]
public enum ChargingProfileKindType
{
    Absolute,
    Recurring,
    Relative,
}
