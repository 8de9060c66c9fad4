using System.Globalization;
using OpenCpm.Core.Authorization;
using OpenCpm.Core.LoadManagement;
using OpenCpm.Data;
using OpenCpm.Settings;

namespace OpenCpm.Ocpp;

/// <summary>
/// The configuration keys of OCPP 1.6 §9 (Core, LocalAuthListManagement) and the security whitepaper's
/// SecurityProfile, AuthorizationKey, CpoName and certificate store keys, with their types and access (docs/ocpp.md has the table). Keys that stand
/// for the operator's own settings write those settings: HeartbeatInterval, the four authorization keys (mapped to the
/// manual's online and offline modes by <see cref="OcppAuthorizationKeys"/>), SecurityProfile, AuthorizationKey and CpoName.
/// </summary>
internal static class OcppConfigurationKeys
{
    public const int GetConfigurationMaxKeys = 50;

    /// <summary>The longest certificate chain CertificateSigned may carry (the message's schema limit).</summary>
    public const int CertificateSignedMaxChainSize = 10000;

    public const string SupportedFeatureProfiles = "Core,FirmwareManagement,LocalAuthListManagement,RemoteTrigger,Reservation,SmartCharging";

    public static IReadOnlyList<OcppConfigurationKey> All { get; } =
    [
        AuthorizationKey(nameof(OcppAuthorizationKeys.AllowOfflineTxForUnknownId), k => k.AllowOfflineTxForUnknownId, (k, v) => k with { AllowOfflineTxForUnknownId = v }),
        Bool("AuthorizationCacheEnabled", c => c.AuthorizationCacheEnabled, (c, v) => c with { AuthorizationCacheEnabled = v }),
        Bool("AuthorizeRemoteTxRequests", c => c.AuthorizeRemoteTxRequests, (c, v) => c with { AuthorizeRemoteTxRequests = v }),
        Int("ClockAlignedDataInterval", c => c.ClockAlignedDataIntervalSeconds, (c, v) => c with { ClockAlignedDataIntervalSeconds = v }),
        Int("ConnectionTimeOut", c => c.ConnectionTimeOutSeconds, (c, v) => c with { ConnectionTimeOutSeconds = v }),
        ReadOnly("ConnectorPhaseRotation", (s, connectors) => string.Join(',', new[] { "0.RST" }.Concat(connectors.ChargePoints.Select((c, i) => string.Create(CultureInfo.InvariantCulture, $"{i + 1}.{Rotation(c.Settings.Rotation)}"))))),
        ReadOnly("GetConfigurationMaxKeys", (_, _) => Text(GetConfigurationMaxKeys)),
        new("HeartbeatInterval", (s, _) => Text(s.Get<OcppBackendSettings>().HeartbeatIntervalSeconds))
        {
            Write = (batch, value) => ParseInt(value) is { } seconds ? Set(batch, batch.Get<OcppBackendSettings>() with { HeartbeatIntervalSeconds = seconds }) : null,
        },
        ReadOnly("LocalAuthListEnabled", (_, _) => "true"),
        ReadOnly("LocalAuthListMaxLength", (_, _) => Text(CardList.MaxCards)),
        AuthorizationKey(nameof(OcppAuthorizationKeys.LocalAuthorizeOffline), k => k.LocalAuthorizeOffline, (k, v) => k with { LocalAuthorizeOffline = v }),
        AuthorizationKey(nameof(OcppAuthorizationKeys.LocalPreAuthorize), k => k.LocalPreAuthorize, (k, v) => k with { LocalPreAuthorize = v }),
        Measurands("MeterValuesAlignedData", c => c.MeterValuesAlignedData, (c, v) => c with { MeterValuesAlignedData = v }),
        ReadOnly("MeterValuesAlignedDataMaxLength", (_, _) => Text(OcppMeasurands.MaxLength)),
        Measurands("MeterValuesSampledData", c => c.MeterValuesSampledData, (c, v) => c with { MeterValuesSampledData = v }),
        ReadOnly("MeterValuesSampledDataMaxLength", (_, _) => Text(OcppMeasurands.MaxLength)),
        Int("MeterValueSampleInterval", c => c.MeterValueSampleIntervalSeconds, (c, v) => c with { MeterValueSampleIntervalSeconds = v }),
        Int("MinimumStatusDuration", c => c.MinimumStatusDurationSeconds, (c, v) => c with { MinimumStatusDurationSeconds = v }),
        ReadOnly("NumberOfConnectors", (_, connectors) => Text(connectors.Count)),
        ReadOnly("ReserveConnectorZeroSupported", (_, _) => "true"), // ReserveNow on connector 0 keeps one station free for the idTag
        Int("ResetRetries", c => c.ResetRetries, (c, v) => c with { ResetRetries = v }),
        ReadOnly("SendLocalListMaxLength", (_, _) => Text(CardList.MaxCards)),
        FixedTrue("StopTransactionOnEVSideDisconnect"),
        AuthorizationKey(nameof(OcppAuthorizationKeys.StopTransactionOnInvalidId), k => k.StopTransactionOnInvalidId, (k, v) => k with { StopTransactionOnInvalidId = v }),
        Measurands("StopTxnAlignedData", c => c.StopTxnAlignedData, (c, v) => c with { StopTxnAlignedData = v }),
        ReadOnly("StopTxnAlignedDataMaxLength", (_, _) => Text(OcppMeasurands.MaxLength)),
        Measurands("StopTxnSampledData", c => c.StopTxnSampledData, (c, v) => c with { StopTxnSampledData = v }),
        ReadOnly("StopTxnSampledDataMaxLength", (_, _) => Text(OcppMeasurands.MaxLength)),
        ReadOnly("SupportedFeatureProfiles", (_, _) => SupportedFeatureProfiles),
        ReadOnly("SupportedFileTransferProtocols", (_, _) => Transfers.TransferLocation.SupportedProtocols), // FTP, FTPS (explicit TLS), HTTP, HTTPS (docs/ocpp.md)
        .. Core.SmartCharging.SmartChargingConfiguration.Default.Keys.Select(k => ReadOnly(k.Key, (_, _) => k.Value)),
        Int("TransactionMessageAttempts", c => c.TransactionMessageAttempts, (c, v) => c with { TransactionMessageAttempts = v }),
        Int("TransactionMessageRetryInterval", c => c.TransactionMessageRetryIntervalSeconds, (c, v) => c with { TransactionMessageRetryIntervalSeconds = v }),
        FixedTrue("UnlockConnectorOnEVSideDisconnect"),
        Int("WebSocketPingInterval", c => c.WebSocketPingIntervalSeconds, (c, v) => c with { WebSocketPingIntervalSeconds = v }),
        new("SecurityProfile", (s, _) => Text(s.Get<OcppBackendSettings>().SecurityProfile))
        {
            // Raising the profile only (whitepaper: lowering it over OCPP is forbidden, TC_084); what a profile needs (a wss://
            // URL and the key for 2, a valid charge point certificate for 3 — Certificates.SecurityProfileRule) is checked
            // by the settings' validation, so a profile the controller can't use is Rejected (TC_083).
            Write = (batch, value) => ParseInt(value) is { } profile && profile >= batch.Get<OcppBackendSettings>().SecurityProfile && profile <= 3
                ? Set(batch, batch.Get<OcppBackendSettings>() with { SecurityProfile = profile })
                : null,
            AppliedAfterAnswer = true,
        },
        new("CpoName", (s, _) => s.Get<OcppBackendSettings>().CpoName ?? "")
        {
            Write = (batch, value) => Set(batch, batch.Get<OcppBackendSettings>() with { CpoName = value.Length == 0 ? null : value }),
        },
        ReadOnly("CertificateStoreMaxLength", (_, _) => Text(Certificates.CertificateStore.MaxRoots)),
        ReadOnly("CertificateSignedMaxChainSize", (_, _) => Text(CertificateSignedMaxChainSize)),
        ReadOnly("AdditionalRootCertificateCheck", (_, _) => "false"),
        new("AuthorizationKey", (_, _) => "")
        {
            Write = (batch, value) => Set(batch, batch.Get<OcppBackendSettings>() with { AuthorizationKey = value }),
            Reported = false,
            AppliedAfterAnswer = true,
        },
    ];

    public static OcppConfigurationKey? Find(string name) => All.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase));

    private static OcppConfigurationKey ReadOnly(string name, Func<SettingsSnapshot, OcppConnectors, string> read) => new(name, read);

    private static OcppConfigurationKey Bool(string name, Func<OcppChargePointSettings, bool> get, Func<OcppChargePointSettings, bool, OcppChargePointSettings> set) =>
        new(name, (s, _) => Text(get(s.Get<OcppChargePointSettings>())))
        {
            Write = (batch, value) => ParseBool(value) is { } b ? Set(batch, set(batch.Get<OcppChargePointSettings>(), b)) : null,
        };

    private static OcppConfigurationKey Int(string name, Func<OcppChargePointSettings, int> get, Func<OcppChargePointSettings, int, OcppChargePointSettings> set) =>
        new(name, (s, _) => Text(get(s.Get<OcppChargePointSettings>())))
        {
            Write = (batch, value) => ParseInt(value) is { } i ? Set(batch, set(batch.Get<OcppChargePointSettings>(), i)) : null,
        };

    private static OcppConfigurationKey Measurands(string name, Func<OcppChargePointSettings, string> get, Func<OcppChargePointSettings, string, OcppChargePointSettings> set) =>
        new(name, (s, _) => get(s.Get<OcppChargePointSettings>()))
        {
            Write = (batch, value) => OcppMeasurands.Problem(value) is null
                ? Set(batch, set(batch.Get<OcppChargePointSettings>(), string.Join(',', value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))))
                : null,
        };

    /// <summary>A key whose only behaviour the controller has is "true" (a session ends when the vehicle is unplugged).</summary>
    private static OcppConfigurationKey FixedTrue(string name) =>
        new(name, (_, _) => "true") { Write = (_, value) => ParseBool(value) == true ? true : null };

    /// <summary>One of the four authorization keys: written as the online and offline modes that give it (refused when no mode does).</summary>
    private static OcppConfigurationKey AuthorizationKey(string name, Func<OcppAuthorizationKeys, bool> get, Func<OcppAuthorizationKeys, bool, OcppAuthorizationKeys> set) =>
        new(name, (s, _) => Text(get(OcppAuthorizationKeys.For(s.Get<Data.AuthorizationSettings>().ToPolicy()))))
        {
            Write = (batch, value) =>
            {
                if (ParseBool(value) is not { } wanted)
                {
                    return null;
                }

                var current = batch.Get<Data.AuthorizationSettings>();
                var policy = current.ToPolicy();
                var applied = set(OcppAuthorizationKeys.For(policy), wanted).ApplyTo(policy);
                return get(OcppAuthorizationKeys.For(applied)) == wanted
                    ? Set(batch, current with { OnlineMode = applied.OnlineMode, OfflineMode = applied.OfflineMode })
                    : null;
            },
        };

    private static bool Set<T>(SettingsBatch batch, T document)
        where T : class, ISettingsDocument<T>
    {
        batch.Set(document);
        return true;
    }

    private static string Rotation(PhaseRotation rotation) => rotation switch
    {
        PhaseRotation.L2L3L1 => "STR",
        PhaseRotation.L3L1L2 => "TRS",
        _ => "RST",
    };

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(bool value) => value ? "true" : "false";

    private static int? ParseInt(string value) =>
        int.TryParse(value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) ? i : null;

    private static bool? ParseBool(string value) => value.Trim().ToLowerInvariant() switch
    {
        "true" => true,
        "false" => false,
        _ => null,
    };
}
