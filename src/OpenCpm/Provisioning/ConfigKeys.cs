namespace OpenCpm.Provisioning;

/// <summary>
/// The sections and variables of the configuration file (docs/provisioning.md), with the manual's names where it gives
/// them (<c>AmountConnectors</c>, <c>ChargeBoxIdentity</c>, <c>Connect2ConnectorSerial</c>, <c>LocalDHCPServerEnabled</c>,
/// <c>HOTSPOT_SSID</c>, <c>HOTSPOT_KEY</c>) and the API's field names, units included, elsewhere.
/// </summary>
internal static class ConfigKeys
{
    public const string Device = "DEVICE";
    public const string Serial = "Serial";
    public const string NominalVoltage = "NominalVoltageV";
    public const string AfterPowerFailure = "AfterPowerFailure";
    public const string AllowUsbInit = "AllowUsbInit";
    public const string AllowUsbConfig = "AllowUsbConfig";
    public const string AllowUsbUpdate = "AllowUsbUpdate";

    public const string Network = "NETWORK";
    public const string LocalDhcpServer = "LocalDHCPServerEnabled";
    public const string HotspotSsid = "HOTSPOT_SSID";
    public const string HotspotKey = "HOTSPOT_KEY";

    public const string Ocpp = "OCPP";
    public const string Enabled = "Enabled";
    public const string CentralSystemUrl = "CentralSystemUrl";
    public const string ChargeBoxIdentity = "ChargeBoxIdentity";
    public const string SecurityProfile = "SecurityProfile";
    public const string AuthorizationKey = "AuthorizationKey";
    public const string HeartbeatInterval = "HeartbeatIntervalSeconds";

    public const string LoadManagement = "LOADMANAGEMENT";
    public const string MaxCurrent = "MaxCurrentA";
    public const string MaxPower = "MaxPowerW";
    public const string MinChargingCurrent = "MinChargingCurrentA";
    public const string UnbalancedLoadLimit = "UnbalancedLoadLimitA";
    public const string RotationPeriod = "RotationPeriodSeconds";
    public const string MeterFallbackPower = "MeterFallbackPowerW";
    public const string AmountConnectors = "AmountConnectors";
    public const string DiscoveryBroadcastAddress = "DiscoveryBroadcastAddress";
    public const string DiscoveryInterval = "DiscoveryIntervalSeconds";

    public const string Meter = "METER";
    public const string Profile = "Profile";
    public const string Host = "Host";
    public const string Port = "Port";
    public const string UnitId = "UnitId";
    public const string PollSeconds = "PollSeconds";

    public const string Authorization = "AUTHORIZATION";
    public const string OnlineMode = "OnlineMode";
    public const string OfflineMode = "OfflineMode";
    public const string DefaultTokenId = "DefaultTokenID";

    public const string Display = "DISPLAY";
    public const string Language = "Language";
    public const string TextSuffix = "Text";
    public const string SecondsSuffix = "Seconds";

    public const string Clusters = "CLUSTERS";
    public const string ClusterMaxCurrent = ".MaxCurrentA";
    public const string ClusterPhases = ".Phases";
    public const string ClusterMinChargingCurrent = ".MinChargingCurrentA";

    /// <summary>One section per charge point: CONNECTOR followed by its connector number (CONNECTOR1, CONNECTOR2…).</summary>
    public const string Connector = "CONNECTOR";
    public const string StationSerial = "Connect2ConnectorSerial";
    public const string Address = "Address";
    public const string Id = "Id";
    public const string Alias = "Alias";
    public const string Driver = "Driver";
    public const string Cluster = "Cluster";
    public const string Connection = "Connection";
    public const string PhaseRotation = "PhaseRotation";
    public const string SinglePhase = "SinglePhase";
    public const string FailsafeCurrent = "FailsafeCurrentA";
    public const string PermanentlyLocked = "PermanentlyLocked";

    /// <summary>The file name an export gets: the controller's serial in it, as the manual describes.</summary>
    public static string FileName(string? serial) => serial is null ? "OpenCPM.conf" : $"OpenCPM_{serial}.conf";
}
