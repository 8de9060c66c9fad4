using OpenCpm.Protocols.Ocpp.V16;
using static OpenCpm.Protocols.Tests.Ocpp.GoldenMessage;

namespace OpenCpm.Protocols.Tests.Ocpp;

/// <summary>Golden payloads of the 11 actions of the OCPP 1.6 security whitepaper (edition 3).</summary>
internal static class SecurityMessageVectors
{
    private const string Pem = "-----BEGIN CERTIFICATE-----\\nMIIBszCCAVmgAwIBAgIUQ2+p/0Tq\\n-----END CERTIFICATE-----\\n";
    private const string PemText = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ2+p/0Tq\n-----END CERTIFICATE-----\n";
    private const string NameHash = "0b9a2c6e3f7d41a8b5c0e9d8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8";
    private const string KeyHash = "f1e2d3c4b5a697887766554433221100ffeeddccbbaa99887766554433221100";

    private static readonly CertificateHashData Hash = new()
    {
        HashAlgorithm = HashAlgorithm.SHA256, IssuerNameHash = NameHash, IssuerKeyHash = KeyHash, SerialNumber = "5f2a9c",
    };

    private static string HashJson => $$"""{"hashAlgorithm":"SHA256","issuerNameHash":"{{NameHash}}","issuerKeyHash":"{{KeyHash}}","serialNumber":"5f2a9c"}""";

    public static IEnumerable<GoldenMessage> All =>
    [
        new("CertificateSigned.req", $$"""{"certificateChain":"{{Pem}}"}""", new CertificateSignedRequest { CertificateChain = PemText }),
        new("CertificateSigned.conf", """{"status":"Rejected"}""", new CertificateSignedResponse { Status = CertificateSignedStatus.Rejected }),
        new("DeleteCertificate.req", $$"""{"certificateHashData":{{HashJson}}}""", new DeleteCertificateRequest { CertificateHashData = Hash }),
        new("DeleteCertificate.conf", """{"status":"NotFound"}""", new DeleteCertificateResponse { Status = DeleteCertificateStatus.NotFound }),
        new("ExtendedTriggerMessage.req", """{"requestedMessage":"SignChargePointCertificate"}""", new ExtendedTriggerMessageRequest { RequestedMessage = ExtendedMessageTrigger.SignChargePointCertificate }),
        new("ExtendedTriggerMessage.req (per connector)", """{"requestedMessage":"StatusNotification","connectorId":4}""", new ExtendedTriggerMessageRequest { RequestedMessage = ExtendedMessageTrigger.StatusNotification, ConnectorId = 4 }),
        new("ExtendedTriggerMessage.conf", """{"status":"Accepted"}""", new ExtendedTriggerMessageResponse { Status = TriggerMessageStatus.Accepted }),
        new("GetInstalledCertificateIds.req", """{"certificateType":"CentralSystemRootCertificate"}""", new GetInstalledCertificateIdsRequest { CertificateType = CertificateUse.CentralSystemRootCertificate }),
        new("GetInstalledCertificateIds.conf", $$"""{"certificateHashData":[{{HashJson}}],"status":"Accepted"}""", new GetInstalledCertificateIdsResponse { CertificateHashData = [Hash], Status = GetInstalledCertificateStatus.Accepted }),
        new("GetInstalledCertificateIds.conf (none)", """{"status":"NotFound"}""", new GetInstalledCertificateIdsResponse { Status = GetInstalledCertificateStatus.NotFound }),
        new("GetLog.req", """{"log":{"remoteLocation":"https://logs.example.com/upload","oldestTimestamp":"2024-02-01T00:00:00Z","latestTimestamp":"2024-03-01T00:00:00Z"},"logType":"SecurityLog","requestId":7,"retries":2,"retryInterval":30}""",
            new GetLogRequest
            {
                Log = new LogParameters { RemoteLocation = "https://logs.example.com/upload", OldestTimestamp = At("2024-02-01T00:00:00Z"), LatestTimestamp = At("2024-03-01T00:00:00Z") },
                LogType = LogType.SecurityLog, RequestId = 7, Retries = 2, RetryInterval = 30,
            }),
        new("GetLog.conf", """{"status":"AcceptedCanceled","filename":"security-20240301.log"}""", new GetLogResponse { Status = LogStatus.AcceptedCanceled, Filename = "security-20240301.log" }),
        new("InstallCertificate.req", $$"""{"certificateType":"ManufacturerRootCertificate","certificate":"{{Pem}}"}""", new InstallCertificateRequest { CertificateType = CertificateUse.ManufacturerRootCertificate, Certificate = PemText }),
        new("InstallCertificate.conf", """{"status":"Failed"}""", new InstallCertificateResponse { Status = InstallCertificateStatus.Failed }),
        new("LogStatusNotification.req", """{"status":"Uploading","requestId":7}""", new LogStatusNotificationRequest { Status = UploadLogStatus.Uploading, RequestId = 7 }),
        new("LogStatusNotification.conf", "{}", new LogStatusNotificationResponse()),
        new("SecurityEventNotification.req", """{"type":"InvalidCentralSystemCertificate","timestamp":"2024-03-01T10:00:00Z","techInfo":"chain does not lead to the installed root"}""",
            new SecurityEventNotificationRequest { Type = "InvalidCentralSystemCertificate", Timestamp = At("2024-03-01T10:00:00Z"), TechInfo = "chain does not lead to the installed root" }),
        new("SecurityEventNotification.conf", "{}", new SecurityEventNotificationResponse()),
        new("SignCertificate.req", """{"csr":"-----BEGIN CERTIFICATE REQUEST-----\nMIIBKDCB0AIBADBu\n-----END CERTIFICATE REQUEST-----\n"}""",
            new SignCertificateRequest { Csr = "-----BEGIN CERTIFICATE REQUEST-----\nMIIBKDCB0AIBADBu\n-----END CERTIFICATE REQUEST-----\n" }),
        new("SignCertificate.conf", """{"status":"Accepted"}""", new SignCertificateResponse { Status = GenericStatus.Accepted }),
        new("SignedFirmwareStatusNotification.req", """{"status":"InvalidSignature","requestId":11}""", new SignedFirmwareStatusNotificationRequest { Status = SignedFirmwareStatus.InvalidSignature, RequestId = 11 }),
        new("SignedFirmwareStatusNotification.conf", "{}", new SignedFirmwareStatusNotificationResponse()),
        new("SignedUpdateFirmware.req", $$$"""{"retries":3,"retryInterval":120,"requestId":11,"firmware":{"location":"https://fw.example.com/opencpm-0.2.0.tar.gz","retrieveDateTime":"2024-03-02T02:00:00Z","installDateTime":"2024-03-02T03:00:00Z","signingCertificate":"{{{Pem}}}","signature":"MEUCIQDx+7Lk/2Qa=="}}""",
            new SignedUpdateFirmwareRequest
            {
                Retries = 3, RetryInterval = 120, RequestId = 11,
                Firmware = new Firmware
                {
                    Location = "https://fw.example.com/opencpm-0.2.0.tar.gz", RetrieveDateTime = At("2024-03-02T02:00:00Z"), InstallDateTime = At("2024-03-02T03:00:00Z"),
                    SigningCertificate = PemText, Signature = "MEUCIQDx+7Lk/2Qa==",
                },
            }),
        new("SignedUpdateFirmware.conf", """{"status":"InvalidCertificate"}""", new SignedUpdateFirmwareResponse { Status = UpdateFirmwareStatus.InvalidCertificate }),
    ];
}
