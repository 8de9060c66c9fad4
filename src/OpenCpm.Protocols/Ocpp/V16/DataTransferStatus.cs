using System.Text.Json.Serialization;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>DataTransferStatus, used in DataTransfer.conf.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DataTransferStatus>))]
public enum DataTransferStatus
{
    Accepted,
    Rejected,
    UnknownMessageId,
    UnknownVendorId,
}
