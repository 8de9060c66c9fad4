using OpenCpm.Data;
using OpenCpm.Live;
using OpenCpm.Settings;

namespace OpenCpm.Backend;

/// <summary>
/// The state of the link to the operator's backend, live. Until the OCPP link runs, a configured backend shows as
/// disconnected. The address is shown without user information (a password in the URL never leaves the settings).
/// </summary>
internal sealed class BackendLinkStatus : IDisposable
{
    private readonly IDisposable _subscription;

    public BackendLinkStatus(SettingsService settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Live = new LiveValue<BackendStatus>(From(settings.Current.Get<OcppBackendSettings>()));
        _subscription = settings.Changes.Subscribe(change =>
        {
            if (change.Area == OcppBackendSettings.Key || change.Area == SettingsChange.LoadedArea)
            {
                Live.Publish(From(change.After.Get<OcppBackendSettings>()));
            }
        });
    }

    public LiveValue<BackendStatus> Live { get; }

    public void Dispose() => _subscription.Dispose();

    private static BackendStatus From(OcppBackendSettings backend) =>
        backend is { Enabled: true, Url.Length: > 0 } ? new BackendStatus(WithoutUserInfo(backend.Url), "disconnected", null) : BackendStatus.NotConfigured;

    /// <summary>The URL without any <c>user:password@</c> part.</summary>
    public static string? WithoutUserInfo(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0
            ? new UriBuilder(uri) { UserName = "", Password = "" }.Uri.ToString()
            : url;
}
