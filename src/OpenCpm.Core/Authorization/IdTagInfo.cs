namespace OpenCpm.Core.Authorization;

/// <summary>
/// A backend's word on an idTag (OCPP 1.6 idTagInfo, from Authorize.conf, StartTransaction.conf or StopTransaction.conf):
/// its status, the instant from which it is no longer valid, and its parent (cards with the same parent may stop each
/// other's sessions).
/// </summary>
public sealed record IdTagInfo(IdTagStatus Status, DateTimeOffset? ExpiryDate = null, CardUid? ParentIdTag = null);
