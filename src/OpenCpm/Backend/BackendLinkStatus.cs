using OpenCpm.Data;
using OpenCpm.Live;
using OpenCpm.Settings;

namespace OpenCpm.Backend;

/// <summary>
/// The state of the link to the operator's backend, live: the OCPP link (<see cref="Ocpp.CsmsLink"/>) reports its
/// state and heartbeats; a backend that is configured but not (yet) connected shows as disconnected. The address is
/// shown without user information (a password in the URL never leaves the settings).
/// </summary>
internal sealed class BackendLinkStatus : IDisposable
{
    public const string NotConfigured = "notConfigured";
    public const string Disconnected = "disconnected";
    public const string Connecting = "connecting";
    public const string Connected = "connected";
    public const string Rejected = "rejected";

    private readonly Lock _lock = new();
    private readonly IDisposable _subscription;

    public BackendLinkStatus(SettingsService settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Live = new LiveValue<BackendStatus>(From(settings.Current.Get<OcppBackendSettings>(), null));
        _subscription = settings.Changes.Subscribe(change =>
        {
            if (change.Area == OcppBackendSettings.Key || change.Area == SettingsChange.LoadedArea)
            {
                var after = change.After.Get<OcppBackendSettings>();
                lock (_lock)
                {
                    var current = Live.Current;
                    var shown = From(after, current);
                    if (shown != current)
                    {
                        Live.Publish(shown);
                    }
                }
            }
        });
    }

    public LiveValue<BackendStatus> Live { get; }

    /// <summary>The link's state now (one of the constants); a heartbeat answered sets <paramref name="lastHeartbeat"/>.</summary>
    public void Report(string state, DateTimeOffset? lastHeartbeat = null)
    {
        lock (_lock)
        {
            var current = Live.Current;
            if (current.Url is null)
            {
                return;
            }

            var next = current with { State = state, LastHeartbeat = lastHeartbeat ?? current.LastHeartbeat };
            if (next != current)
            {
                Live.Publish(next);
            }
        }
    }

    public void Dispose() => _subscription.Dispose();

    /// <summary>The status for these settings: unchanged state when the same backend stays configured, else disconnected.</summary>
    private static BackendStatus From(OcppBackendSettings backend, BackendStatus? current)
    {
        if (backend is not { Enabled: true, Url.Length: > 0 })
        {
            return BackendStatus.NotConfigured;
        }

        var url = WithoutUserInfo(backend.Url);
        return current is not null && current.Url == url ? current : new BackendStatus(url, Disconnected, null);
    }

    /// <summary>The URL without any <c>user:password@</c> part.</summary>
    public static string? WithoutUserInfo(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0
            ? new UriBuilder(uri) { UserName = "", Password = "" }.Uri.ToString()
            : url;
}
