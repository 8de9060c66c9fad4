using System.Text.Json.Serialization;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>ChargingProfileStatus, used in SetChargingProfile.conf.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ChargingProfileStatus>))]
public enum ChargingProfileStatus
{
    Accepted,
    Rejected,
    NotSupported,
}
