using OpenCpm.Core.Authorization;

namespace OpenCpm.Data;

/// <summary>One entry of the OCPP authorization cache: the backend's latest idTagInfo for an idTag not in the card list.</summary>
internal sealed class OcppAuthorizationCacheRow
{
    public required string IdTag { get; set; }

    public IdTagStatus Status { get; set; }

    public DateTimeOffset? ExpiryDate { get; set; }

    public string? ParentIdTag { get; set; }

    public DateTimeOffset StoredAt { get; set; }
}
