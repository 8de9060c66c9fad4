using OpenCpm.Authorization;
using OpenCpm.Data;
using OpenCpm.Ocpp;
using OpenCpm.Ocpp.Handlers;
using OpenCpm.Ocpp.Certificates;

namespace OpenCpm.Hosting;

internal static class OcppExtensions
{
    /// <summary>
    /// The link to the operator's backend (OCPP 1.6J): the connection, the transactions and their outbox, status and
    /// meter value reports, the backend's side of card authorization, and one handler group per feature (a new
    /// feature profile adds its <see cref="IOcppHandlers"/> here).
    /// </summary>
    /// <summary>
    /// The backend's file transfers: firmware updates (UpdateFirmware, SignedUpdateFirmware; a pending one persisted and
    /// finished by the next start), the diagnostics and log uploads (GetDiagnostics, GetLog), over http(s).
    /// </summary>
    private static void AddFileTransfers(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddHttpClient(Transfers.FileTransfer.ClientName);
        services.AddSingleton<Transfers.FileTransfer>();
        services.AddSingleton<Transfers.TransferStatusSender>();
        services.AddSingleton<Firmware.FirmwareJobStore>();
        services.AddSingleton<Firmware.FirmwareNotifier>();
        services.AddSingleton<Firmware.FirmwareInstallOutcome>();
        services.AddSingleton<Firmware.FirmwareUpdates>();
        services.AddHostedService(sp => sp.GetRequiredService<Firmware.FirmwareUpdates>());
        services.AddSingleton<Diagnostics.ArchiveUploader>();
        services.AddSingleton<Diagnostics.DiagnosticsUploads>();
        services.AddSingleton<Diagnostics.LogUploads>();
    }

    public static WebApplicationBuilder AddOcppLink(this WebApplicationBuilder builder, OcppLinkOptions options)
    {
        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton<OcppTransactionStore>();
        services.AddSingleton<OcppAuthorizationCacheStore>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OcppConfiguration>();
        services.AddSingleton<OcppAvailability>();
        services.AddSingleton<OcppSecurityEventStore>();
        services.AddSingleton<SecurityEvents>();
        services.AddSingleton<CertificateStore>();
        services.AddHostedService(sp => sp.GetRequiredService<CertificateStore>()); // loads after the migration, before the link connects
        services.AddSingleton<IManufacturerRootCertificates>(sp => sp.GetRequiredService<CertificateStore>());
        services.AddSingleton<Settings.ISettingsRule<OcppBackendSettings>, SecurityProfileRule>();
        services.AddSingleton<PendingSigningKey>();
        services.AddSingleton<ChargePointCertificateSigning>();
        services.AddSingleton<CertificateUploads>();
        services.AddSingleton<CsmsLink>();
        services.AddHostedService(sp => sp.GetRequiredService<CsmsLink>());
        services.AddSingleton<CsmsAuthorizer>();
        services.AddSingleton<IBackendAuthorizer>(sp => sp.GetRequiredService<CsmsAuthorizer>());
        services.AddHostedService(sp => sp.GetRequiredService<CsmsAuthorizer>()); // loads the cache after the migration
        services.AddSingleton<TransactionTracker>();
        services.AddHostedService(sp => sp.GetRequiredService<TransactionTracker>());
        services.AddHostedService<TransactionMessageSender>();
        services.AddHostedService<SecurityEventSender>();
        services.AddSingleton<StatusReporter>();
        services.AddHostedService(sp => sp.GetRequiredService<StatusReporter>());
        services.AddSingleton<MeterValuesReporter>();
        services.AddHostedService(sp => sp.GetRequiredService<MeterValuesReporter>());

        services.AddSingleton<IOcppHandlers, ConfigurationHandlers>();
        services.AddSingleton<IOcppHandlers, ChargingHandlers>();
        services.AddSingleton<IOcppHandlers, AvailabilityHandlers>();
        services.AddSingleton<IOcppHandlers, LocalAuthListHandlers>();
        services.AddSingleton<IOcppHandlers, TriggerHandlers>();
        services.AddSingleton<IOcppHandlers, DataTransferHandlers>();
        services.AddSingleton<IOcppHandlers, ReservationHandlers>();
        services.AddSingleton<IOcppHandlers, CertificateHandlers>();
        services.AddSingleton<IOcppHandlers, ExtendedTriggerHandlers>();
        services.AddSingleton<IOcppHandlers>(sp => sp.GetRequiredService<SmartCharging.SmartChargingHandlers>());
        builder.AddFileTransfers();
        services.AddSingleton<IOcppHandlers, FirmwareHandlers>();
        services.AddSingleton<IOcppHandlers, DiagnosticsHandlers>();
        services.AddSingleton<IOcppHandlers, LogHandlers>();
        return builder;
    }
}
