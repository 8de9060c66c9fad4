namespace OpenCpm.Core.Authorization;

/// <summary>The latest backend answer for an idTag not in the card list, and when it was stored.</summary>
public sealed record AuthorizationCacheEntry(CardUid Uid, IdTagInfo Info, DateTimeOffset StoredAt)
{
    /// <summary>Whether the answer was Accepted and its expiry date (if any) is still ahead of <paramref name="now"/>.</summary>
    public bool IsValidAt(DateTimeOffset now) => Info.Status == IdTagStatus.Accepted && !HasExpiredAt(now);

    /// <summary>Whether the answer's expiry date is at or before <paramref name="now"/>.</summary>
    public bool HasExpiredAt(DateTimeOffset now) => Info.ExpiryDate is { } expiry && now >= expiry;
}
