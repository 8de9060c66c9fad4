using System.Text.Json.Serialization;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>UpdateFirmwareStatus (security whitepaper: UpdateFirmwareStatusEnumType), used in SignedUpdateFirmware.conf.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<UpdateFirmwareStatus>))]
public enum UpdateFirmwareStatus
{
    Accepted,
    Rejected,
    AcceptedCanceled,
    InvalidCertificate,
    RevokedCertificate,
}
