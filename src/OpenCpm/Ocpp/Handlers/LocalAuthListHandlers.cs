using OpenCpm.Authorization;
using OpenCpm.Core.Authorization;
using OpenCpm.Protocols.Ocpp;
using OpenCpm.Protocols.Ocpp.V16;

namespace OpenCpm.Ocpp.Handlers;

/// <summary>
/// The local authorization list is the controller's card list (manual 9.2.2: with a backend, the backend edits it):
/// SendLocalList Full replaces it and Differential adds, changes and removes cards, each taking the backend's list
/// version (a differential update not newer than the list: VersionMismatch; more than 1,000 entries, an idTag that is
/// not one, a Full entry without idTagInfo: Failed, nothing changed). A card the operator named keeps its name, its
/// charge points and its master flag; the backend sets status and expiry. GetLocalListVersion and ClearCache.
/// </summary>
internal sealed class LocalAuthListHandlers(CardService cards, CsmsAuthorizer backend, TimeProvider time) : IOcppHandlers
{
    public const string Actor = "The backend";

    public void Register(OcppRouter router)
    {
        ArgumentNullException.ThrowIfNull(router);
        router.On<GetLocalListVersionRequest, GetLocalListVersionResponse>(GetVersionAsync);
        router.On<SendLocalListRequest, SendLocalListResponse>(SendAsync);
        router.On<ClearCacheRequest, ClearCacheResponse>(ClearCacheAsync);
    }

    private async ValueTask<GetLocalListVersionResponse> GetVersionAsync(GetLocalListVersionRequest request, OcppCallContext context) =>
        new() { ListVersion = (await cards.GetAsync(context.CancellationToken)).LocalListVersion };

    private async ValueTask<ClearCacheResponse> ClearCacheAsync(ClearCacheRequest request, OcppCallContext context)
    {
        await backend.ClearAsync(context.CancellationToken);
        return new ClearCacheResponse { Status = ClearCacheStatus.Accepted };
    }

    private async ValueTask<SendLocalListResponse> SendAsync(SendLocalListRequest request, OcppCallContext context)
    {
        var entries = request.LocalAuthorizationList ?? [];
        var current = await cards.GetAsync(context.CancellationToken);
        if (request.ListVersion < 0 || entries.Count > CardList.MaxCards)
        {
            return Answer(UpdateStatus.Failed);
        }

        if (request.UpdateType == UpdateType.Differential && request.ListVersion <= current.Version)
        {
            return Answer(UpdateStatus.VersionMismatch);
        }

        var changes = new List<CardListChange>(entries.Count);
        foreach (var entry in entries)
        {
            if (!CardUid.TryParse(entry.IdTag, out var uid) || (entry.IdTagInfo is null && request.UpdateType == UpdateType.Full))
            {
                return Answer(UpdateStatus.Failed);
            }

            changes.Add(entry.IdTagInfo is { } info ? CardListChange.Upsert(CardFrom(uid, info, current.Find(uid))) : CardListChange.Remove(uid));
        }

        var outcome = request.UpdateType == UpdateType.Full
            ? await cards.ReplaceAllAsync(changes.Select(c => c.Card!), request.ListVersion, Actor, context.CancellationToken)
            : await cards.UpdateAsync(changes, request.ListVersion, Actor, context.CancellationToken);
        return Answer(outcome.IsSaved ? UpdateStatus.Accepted : UpdateStatus.Failed);
    }

    /// <summary>
    /// The backend's entry as a card: its status (ConcurrentTx, which a list can't mean, counts as Invalid) and its
    /// expiry instant as the last day it is valid in the site's time zone.
    /// </summary>
    private Card CardFrom(CardUid uid, Protocols.Ocpp.V16.IdTagInfo info, Card? existing) => (existing ?? new Card { Uid = uid }) with
    {
        Uid = uid,
        Status = info.Status switch
        {
            AuthorizationStatus.Accepted => CardStatus.Accepted,
            AuthorizationStatus.Blocked => CardStatus.Blocked,
            AuthorizationStatus.Expired => CardStatus.Expired,
            _ => CardStatus.Invalid,
        },
        Expiry = info.ExpiryDate is { } expiry
            ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(expiry.AddTicks(-1), time.LocalTimeZone).DateTime)
            : null,
    };

    private static SendLocalListResponse Answer(UpdateStatus status) => new() { Status = status };
}
