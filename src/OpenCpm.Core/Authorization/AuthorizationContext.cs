namespace OpenCpm.Core.Authorization;

/// <summary>Everything an authorization decision depends on besides the card itself.</summary>
public sealed record AuthorizationContext
{
    public required AuthorizationSettings Settings { get; init; }

    public required BackendAvailability Backend { get; init; }

    public CardList Cards { get; init; } = CardList.Empty;

    public AuthorizationCache Cache { get; init; } = AuthorizationCache.Empty;

    /// <summary>The charge point the card is presented at (or the vehicle plugged in at).</summary>
    public required ChargePointIdentity ChargePoint { get; init; }

    /// <summary>
    /// The site's local time, <c>TimeProvider.GetLocalNow()</c>: card expiry dates are compared with its calendar date in
    /// its own offset (see <see cref="Card.IsExpiredAt"/>), cache expiry dates with the instant.
    /// </summary>
    public required DateTimeOffset Now { get; init; }
}
