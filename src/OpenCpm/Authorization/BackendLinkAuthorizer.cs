using OpenCpm.Backend;
using OpenCpm.Core.Authorization;

namespace OpenCpm.Authorization;

/// <summary>
/// Card authorization's view of the backend while the controller has no OCPP link of its own running: no backend
/// configured is <see cref="BackendAvailability.NotConfigured"/> (the card list decides, as the manual says for a site
/// without one); a configured one that is not connected is unreachable, so the offline mode applies and Authorize
/// gets no answer.
/// </summary>
internal sealed class BackendLinkAuthorizer(BackendLinkStatus backend) : IBackendAuthorizer
{
    public BackendAvailability Availability => backend.Live.Current.State switch
    {
        "notConfigured" => BackendAvailability.NotConfigured,
        "connected" => BackendAvailability.Reachable,
        _ => BackendAvailability.Unreachable,
    };

    public AuthorizationCache Cache => AuthorizationCache.Empty;

    public Task<IdTagInfo?> AuthorizeAsync(CardUid idTag, CancellationToken cancellationToken) => Task.FromResult<IdTagInfo?>(null);
}
