using System.Text.Json.Serialization;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>AuthorizationStatus, used in Authorize.conf, SendLocalList.req, StartTransaction.conf, StopTransaction.conf.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AuthorizationStatus>))]
public enum AuthorizationStatus
{
    Accepted,
    Blocked,
    Expired,
    Invalid,
    ConcurrentTx,
}
