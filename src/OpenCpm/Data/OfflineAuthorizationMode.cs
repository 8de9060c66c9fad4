namespace OpenCpm.Data;

internal enum OfflineAuthorizationMode
{
    OfflineLocalUnknownAuthorization,
    OfflineLocalAuthorization,
    OfflineNoAuthorization,
    OfflineNoCharging,
    OfflineFreeCharging,
}
