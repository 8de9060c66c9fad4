using OpenCpm.Authorization;
using OpenCpm.Core.Authorization;
using OpenCpm.Data;
using OpenCpm.Protocols.Ocpp;
using OpenCpm.Protocols.Ocpp.V16;
using OpenCpm.Settings;

namespace OpenCpm.Ocpp;

/// <summary>
/// Card authorization's backend (<see cref="IBackendAuthorizer"/>) over the OCPP link: none configured while the
/// backend is off, reachable while it has accepted the registration; Authorize asks it (null when it does not answer
/// in time, so the offline mode decides); the authorization cache keeps its latest answer for each idTag not in the
/// card list (Authorize, StartTransaction and StopTransaction answers), kept in the database, used only while
/// AuthorizationCacheEnabled, emptied by ClearCache.
/// </summary>
internal sealed class CsmsAuthorizer(
    CsmsLink link,
    SettingsService settings,
    CardService cards,
    OcppAuthorizationCacheStore store,
    TimeProvider time,
    ILogger<CsmsAuthorizer> logger) : IBackendAuthorizer, IHostedService, IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private AuthorizationCache _cache = AuthorizationCache.Empty;

    public BackendAvailability Availability =>
        settings.Current.Get<OcppBackendSettings>() is not { Enabled: true, Url.Length: > 0 } ? BackendAvailability.NotConfigured
        : link.IsAccepted ? BackendAvailability.Reachable
        : BackendAvailability.Unreachable;

    public AuthorizationCache Cache => settings.Current.Get<OcppChargePointSettings>().AuthorizationCacheEnabled ? Volatile.Read(ref _cache) : AuthorizationCache.Empty;

    public async Task<Core.Authorization.IdTagInfo?> AuthorizeAsync(CardUid idTag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(idTag);
        if (!link.IsAccepted)
        {
            return null;
        }

        try
        {
            var answer = await link.CallAsync(new AuthorizeRequest { IdTag = idTag.Value }, cancellationToken);
            await RememberAsync(idTag.Value, answer.IdTagInfo, cancellationToken);
            return ToCore(answer.IdTagInfo);
        }
        catch (Exception ex) when (ex is OcppConnectionClosedException or OcppCallErrorException or TimeoutException or OcppProtocolException)
        {
            OcppHostLog.CallFailed(logger, "Authorize", ex.Message);
            return null;
        }
    }

    /// <summary>The backend's word on <paramref name="idTag"/> goes into the cache (unless the card list has the tag).</summary>
    public async Task RememberAsync(string idTag, Protocols.Ocpp.V16.IdTagInfo info, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(info);
        if (!CardUid.TryParse(idTag, out var uid) || cards.Cards.Current.Match(uid) is not null)
        {
            return;
        }

        await ChangeAsync(cache => cache.With(uid, ToCore(info), time.GetUtcNow()), cancellationToken);
    }

    /// <summary>ClearCache.</summary>
    public Task ClearAsync(CancellationToken cancellationToken) => ChangeAsync(cache => cache.Cleared(), cancellationToken);

    public async Task StartAsync(CancellationToken cancellationToken) =>
        Volatile.Write(ref _cache, AuthorizationCache.Restore(await store.LoadAsync(cancellationToken)));

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _lock.Dispose();

    private async Task ChangeAsync(Func<AuthorizationCache, AuthorizationCache> change, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            var next = change(Volatile.Read(ref _cache));
            await store.SaveAsync(next, cancellationToken);
            Volatile.Write(ref _cache, next);
        }
        finally
        {
            _lock.Release();
        }
    }

    private static Core.Authorization.IdTagInfo ToCore(Protocols.Ocpp.V16.IdTagInfo info) => new(
        info.Status switch
        {
            AuthorizationStatus.Accepted => IdTagStatus.Accepted,
            AuthorizationStatus.Blocked => IdTagStatus.Blocked,
            AuthorizationStatus.Expired => IdTagStatus.Expired,
            AuthorizationStatus.ConcurrentTx => IdTagStatus.ConcurrentTx,
            _ => IdTagStatus.Invalid,
        },
        info.ExpiryDate,
        CardUid.TryParse(info.ParentIdTag, out var parent) ? parent : null);
}
