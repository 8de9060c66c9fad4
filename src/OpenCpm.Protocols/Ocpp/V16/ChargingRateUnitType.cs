using System.Text.Json.Serialization;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>ChargingRateUnitType, used in GetCompositeSchedule.req, GetCompositeSchedule.conf, RemoteStartTransaction.req, SetChargingProfile.req.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ChargingRateUnitType>))]
public enum ChargingRateUnitType
{
    A,
    W,
}
