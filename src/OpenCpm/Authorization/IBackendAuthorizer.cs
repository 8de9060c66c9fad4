using OpenCpm.Core.Authorization;

namespace OpenCpm.Authorization;

/// <summary>
/// The operator's backend as card authorization sees it (the OCPP link implements it): whether one is configured and
/// reachable, its answer to an Authorize, and the authorization cache of its answers.
/// </summary>
internal interface IBackendAuthorizer
{
    BackendAvailability Availability { get; }

    /// <summary>The backend's idTagInfo for <paramref name="idTag"/>; null when it did not answer.</summary>
    Task<IdTagInfo?> AuthorizeAsync(CardUid idTag, CancellationToken cancellationToken);

    AuthorizationCache Cache { get; }
}
