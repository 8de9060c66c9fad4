using System.Text.Json.Serialization;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>ChargingProfilePurposeType, used in ClearChargingProfile.req, RemoteStartTransaction.req, SetChargingProfile.req.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ChargingProfilePurposeType>))]
public enum ChargingProfilePurposeType
{
    ChargePointMaxProfile,
    TxDefaultProfile,
    TxProfile,
}
