namespace OpenCpm.Core.Authorization;

/// <summary>
/// The manual's authorization modes as OCPP 1.6 configuration keys, for the controller's link to a backend
/// (GetConfiguration reports them, ChangeConfiguration sets them). OCPP has no exact match for every mode:
/// <list type="table">
/// <listheader><term>mode</term><description>LocalPreAuthorize / LocalAuthorizeOffline / AllowOfflineTxForUnknownId / StopTransactionOnInvalidId</description></listheader>
/// <item><term>FirstLocal, OnlyLocal</term><description>LocalPreAuthorize true (OCPP cannot say "never ask the backend")</description></item>
/// <item><term>FirstOnline</term><description>LocalPreAuthorize false</description></item>
/// <item><term>OfflineLocalUnknownAuthorization</term><description>true / true / false</description></item>
/// <item><term>OfflineLocalAuthorization</term><description>true / false / false</description></item>
/// <item><term>OfflineNoAuthorization</term><description>false / true / true (accept any card, stop it if it turns out invalid)</description></item>
/// <item><term>OfflineNoCharging</term><description>false / false / false</description></item>
/// <item><term>OfflineFreeCharging</term><description>true / true / false, as OfflineLocalUnknownAuthorization (OCPP cannot say "no card needed")</description></item>
/// </list>
/// <see cref="ApplyTo"/> maps keys back onto settings and keeps the current mode whenever it gives the same keys, so
/// reading the keys and writing them back never changes a mode.
/// </summary>
public sealed record OcppAuthorizationKeys(
    bool LocalPreAuthorize,
    bool LocalAuthorizeOffline,
    bool AllowOfflineTxForUnknownId,
    bool StopTransactionOnInvalidId)
{
    public static OcppAuthorizationKeys For(AuthorizationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var (localOffline, unknownOffline, stopInvalid) = settings.OfflineMode switch
        {
            OfflineAuthorizationMode.OfflineLocalAuthorization => (true, false, false),
            OfflineAuthorizationMode.OfflineNoAuthorization => (false, true, true),
            OfflineAuthorizationMode.OfflineNoCharging => (false, false, false),
            _ => (true, true, false),
        };
        return new(settings.OnlineMode != OnlineAuthorizationMode.FirstOnline, localOffline, unknownOffline, stopInvalid);
    }

    /// <summary>
    /// <paramref name="current"/> with its modes set from these keys: LocalPreAuthorize false is FirstOnline, true keeps
    /// FirstLocal or OnlyLocal (else FirstLocal). The offline keys keep the current offline mode if it maps to them, else
    /// AllowOfflineTxForUnknownId with StopTransactionOnInvalidId is OfflineNoAuthorization, without it
    /// OfflineLocalUnknownAuthorization; no unknown cards but LocalAuthorizeOffline is OfflineLocalAuthorization; neither
    /// is OfflineNoCharging.
    /// </summary>
    public AuthorizationSettings ApplyTo(AuthorizationSettings current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var online = !LocalPreAuthorize ? OnlineAuthorizationMode.FirstOnline
            : current.OnlineMode == OnlineAuthorizationMode.FirstOnline ? OnlineAuthorizationMode.FirstLocal
            : current.OnlineMode;
        var currentKeys = For(current);
        var offline = (currentKeys.LocalAuthorizeOffline, currentKeys.AllowOfflineTxForUnknownId, currentKeys.StopTransactionOnInvalidId)
            == (LocalAuthorizeOffline, AllowOfflineTxForUnknownId, StopTransactionOnInvalidId)
            ? current.OfflineMode
            : (AllowOfflineTxForUnknownId, StopTransactionOnInvalidId, LocalAuthorizeOffline) switch
            {
                (true, true, _) => OfflineAuthorizationMode.OfflineNoAuthorization,
                (true, false, _) => OfflineAuthorizationMode.OfflineLocalUnknownAuthorization,
                (false, _, true) => OfflineAuthorizationMode.OfflineLocalAuthorization,
                _ => OfflineAuthorizationMode.OfflineNoCharging,
            };
        return current with { OnlineMode = online, OfflineMode = offline };
    }
}
