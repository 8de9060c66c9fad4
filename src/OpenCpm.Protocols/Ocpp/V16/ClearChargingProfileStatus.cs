using System.Text.Json.Serialization;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>ClearChargingProfileStatus, used in ClearChargingProfile.conf.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ClearChargingProfileStatus>))]
public enum ClearChargingProfileStatus
{
    Accepted,
    Unknown,
}
