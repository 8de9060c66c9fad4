namespace OpenCpm.Core.Authorization;

/// <summary>The network's authorization settings (manual 9.2; REST <c>/api/v1/authorization</c>).</summary>
public sealed record AuthorizationSettings
{
    /// <summary>Whether a card is needed before charging. Off: charging starts on plug-in under <see cref="PredefinedToken"/>.</summary>
    public bool Enabled { get; init; }

    public OnlineAuthorizationMode OnlineMode { get; init; } = OnlineAuthorizationMode.FirstLocal;

    public OfflineAuthorizationMode OfflineMode { get; init; } = OfflineAuthorizationMode.OfflineLocalAuthorization;

    /// <summary>The idTag of sessions started without a card (authorization off, or offline free charging); null for none.</summary>
    public CardUid? PredefinedToken { get; init; }
}
