namespace OpenCpm.Core.Authorization;

/// <summary>The status of an idTag in a backend's answer (OCPP 1.6 AuthorizationStatus).</summary>
public enum IdTagStatus
{
    Accepted,
    Blocked,
    Expired,
    Invalid,

    /// <summary>The idTag is already in another transaction.</summary>
    ConcurrentTx,
}
