using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenCpm.Data;
using OpenCpm.Ocpp;
using OpenCpm.Ocpp.Certificates;
using OpenCpm.Tests.Interop.OcppRpc;

namespace OpenCpm.Tests.Ocpp;

/// <summary>
/// The security whitepaper's certificate management over the link, against ocpp-rpc in strict mode: InstallCertificate
/// (TC_075_1/2), GetInstalledCertificateIds, DeleteCertificate (TC_076), ExtendedTriggerMessage SignChargePointCertificate
/// → SignCertificate → CertificateSigned (TC_074, TC_077), SecurityProfile up and down (TC_083/084 as far as ws:// goes),
/// and SecurityEventNotification delivered after the link was down.
/// </summary>
public sealed class OcppCertificateTests(OcppRpcPeerFixture fixture) : IClassFixture<OcppRpcPeerFixture>
{
    private OcppRpcPeer Peer => fixture.Peer;

    [Fact]
    public async Task Roots_are_installed_listed_by_their_hash_data_and_deleted_and_what_is_no_root_is_rejected()
    {
        using var pki = new TestPki("Test CSMS Root");
        using var manufacturer = new TestPki("Test Manufacturer Root");
        await using var site = await OcppSite.StartAsync(Peer, "CP-CERTS", stations: 1);

        Assert.Equal("NotFound", Status(await site.CallAsync("GetInstalledCertificateIds", """{"certificateType":"CentralSystemRootCertificate"}""")));
        Assert.Equal("Accepted", await InstallAsync(site, "CentralSystemRootCertificate", pki.RootPem));
        Assert.Equal("Accepted", await InstallAsync(site, "ManufacturerRootCertificate", manufacturer.RootPem));
        Assert.Equal("Accepted", await InstallAsync(site, "ManufacturerRootCertificate", manufacturer.RootPem)); // again: still one

        using var leaf = pki.ChargePoint("not-a-ca");
        using var intermediate = pki.Intermediate();
        using var expired = TestPki.ExpiredRoot();
        Assert.Equal("Rejected", await InstallAsync(site, "CentralSystemRootCertificate", leaf.ExportCertificatePem()));
        Assert.Equal("Rejected", await InstallAsync(site, "CentralSystemRootCertificate", intermediate.ExportCertificatePem()));
        Assert.Equal("Rejected", await InstallAsync(site, "CentralSystemRootCertificate", expired.ExportCertificatePem()));
        Assert.Equal("Rejected", await InstallAsync(site, "CentralSystemRootCertificate", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"));

        var ids = await site.CallAsync("GetInstalledCertificateIds", """{"certificateType":"ManufacturerRootCertificate"}""");
        Assert.Equal("Accepted", Status(ids));
        var hash = Assert.Single(ids.GetProperty("certificateHashData").EnumerateArray());
        var root = manufacturer.Root;
        Assert.Equal("SHA256", hash.GetProperty("hashAlgorithm").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(root.IssuerName.RawData)), hash.GetProperty("issuerNameHash").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(root.PublicKey.EncodedKeyValue.RawData)), hash.GetProperty("issuerKeyHash").GetString());
        Assert.Equal(root.SerialNumber.TrimStart('0').ToLowerInvariant(), hash.GetProperty("serialNumber").GetString());
        var trusted = Assert.Single(site.Demo.Service<IManufacturerRootCertificates>().ManufacturerRoots());
        Assert.Equal(root.Thumbprint, trusted.Thumbprint);

        // TC_076: deleted by its hash data (upper-case hex is the same certificate); then it is not found.
        var upper = new JsonObject
        {
            ["certificateHashData"] = new JsonObject
            {
                ["hashAlgorithm"] = "SHA256",
                ["issuerNameHash"] = hash.GetProperty("issuerNameHash").GetString()!.ToUpperInvariant(),
                ["issuerKeyHash"] = hash.GetProperty("issuerKeyHash").GetString()!.ToUpperInvariant(),
                ["serialNumber"] = hash.GetProperty("serialNumber").GetString(),
            },
        }.ToJsonString();
        Assert.Equal("Accepted", Status(await site.CallAsync("DeleteCertificate", upper)));
        Assert.Equal("NotFound", Status(await site.CallAsync("DeleteCertificate", upper)));
        Assert.Equal("NotFound", Status(await site.CallAsync("GetInstalledCertificateIds", """{"certificateType":"ManufacturerRootCertificate"}""")));
        Assert.Empty(site.Demo.Service<IManufacturerRootCertificates>().ManufacturerRoots());
        Assert.Equal("Accepted", Status(await site.CallAsync("GetInstalledCertificateIds", """{"certificateType":"CentralSystemRootCertificate"}""")));

        var keys = await site.CallAsync("GetConfiguration", """{"key":["CertificateStoreMaxLength","CertificateSignedMaxChainSize","AdditionalRootCertificateCheck"]}""");
        Assert.Equal(["20", "10000", "false"], keys.GetProperty("configurationKey").EnumerateArray().Select(k => k.GetProperty("value").GetString()!));
    }

    [Fact]
    public async Task A_certificate_signed_for_the_controllers_own_request_is_installed_and_one_for_another_key_is_rejected_with_a_security_event()
    {
        using var pki = new TestPki();
        await using var site = await OcppSite.StartAsync(Peer, "CP-SIGN", stations: 1);
        Assert.Equal("Accepted", await InstallAsync(site, "CentralSystemRootCertificate", pki.RootPem));
        Assert.Equal("Accepted", Status(await site.CallAsync("ChangeConfiguration", """{"key":"CpoName","value":"Test CPO"}""")));

        // TC_074: the trigger, the request, and the signed chain.
        Assert.Equal("Accepted", Status(await site.CallAsync("ExtendedTriggerMessage", """{"requestedMessage":"SignChargePointCertificate"}""")));
        await site.UntilAsync(() => site.Handled("SignCertificate").Count == 1, "SignCertificate");
        var csr = CertificateRequest.LoadSigningRequestPem(site.Handled("SignCertificate")[0].GetProperty("csr").GetString()!, HashAlgorithmName.SHA256);
        Assert.Equal("CN=CP-SIGN, O=Test CPO", csr.SubjectName.Name);
        Assert.NotNull(csr.PublicKey.GetECDsaPublicKey());
        using var signed = pki.Sign(site.Handled("SignCertificate")[0].GetProperty("csr").GetString()!);

        // TC_077: a certificate for another key (the request's key stays the controller's) is Rejected and reported.
        using var stranger = pki.ChargePoint("CP-SIGN");
        Assert.Equal("Rejected", Status(await site.CallAsync("CertificateSigned", Chain(stranger))));
        await site.UntilAsync(() => site.Handled("SecurityEventNotification").Any(e => e.GetProperty("type").GetString() == "InvalidChargePointCertificate"), "InvalidChargePointCertificate is reported");
        Assert.Null(site.Demo.Service<CertificateStore>().ChargePointCertificate);

        Assert.Equal("Accepted", Status(await site.CallAsync("CertificateSigned", Chain(signed))));
        var installed = site.Demo.Service<CertificateStore>().ChargePointCertificate;
        Assert.NotNull(installed);
        Assert.Equal(signed.Thumbprint, installed.Certificate.Thumbprint);
        using var client = site.Demo.Service<CertificateStore>().ClientCertificate();
        Assert.True(client!.HasPrivateKey);

        // The pending request is used up: the same chain again is Rejected.
        Assert.Equal("Rejected", Status(await site.CallAsync("CertificateSigned", Chain(signed))));
        Assert.Equal("Accepted", Status(await site.CallAsync("ExtendedTriggerMessage", """{"requestedMessage":"Heartbeat"}""")));
        Assert.Equal("Rejected", Status(await site.CallAsync("ExtendedTriggerMessage", """{"requestedMessage":"StatusNotification","connectorId":5}""")));
    }

    [Fact]
    public async Task The_security_profile_is_never_lowered_over_ocpp_and_profile_3_needs_a_client_certificate()
    {
        await using var site = await OcppSite.StartAsync(Peer, "CP-PROFILE", stations: 1, prepare: settings =>
            OcppSite.SetAsync<OcppBackendSettings>(settings, b => b with { SecurityProfile = 1, AuthorizationKey = "0123456789abcdef0123" }));

        // TC_084 and the profile-3 prerequisite; the link stays as it is.
        Assert.Equal("Rejected", Status(await site.CallAsync("ChangeConfiguration", """{"key":"SecurityProfile","value":"0"}""")));
        Assert.Equal("Rejected", Status(await site.CallAsync("ChangeConfiguration", """{"key":"SecurityProfile","value":"3"}""")));
        Assert.Equal("Rejected", Status(await site.CallAsync("ChangeConfiguration", """{"key":"SecurityProfile","value":"2"}"""))); // needs wss://
        Assert.Equal("Accepted", Status(await site.CallAsync("ChangeConfiguration", """{"key":"SecurityProfile","value":"1"}""")));
        Assert.Equal(1, site.Settings.Current.Get<OcppBackendSettings>().SecurityProfile);
    }

    [Fact]
    public async Task Security_events_raised_while_the_backend_is_away_are_delivered_in_order_when_it_is_back()
    {
        await using var site = await OcppSite.StartAsync(Peer, "CP-SECEVENTS", stations: 1, presetByDemo: true); // enabled at start: StartupOfTheDevice
        await site.UntilAsync(() => site.Handled("SecurityEventNotification").Any(e => e.GetProperty("type").GetString() == "StartupOfTheDevice"), "StartupOfTheDevice is reported");
        var queue = site.Demo.Service<OcppSecurityEventStore>();
        await Shared.Eventually.TrueAsync(async () => await queue.CountAsync(CancellationToken.None) == 0, because: "the start-up event left the queue");

        await Peer.OfflineAsync(site.Identity, offline: true);
        await site.UntilAsync(() => !site.Demo.Service<CsmsLink>().IsAccepted, "the link is down");
        var securityEvents = site.Demo.Service<SecurityEvents>();
        await securityEvents.RaiseAsync("SettingSystemTime", "first", TestContext.Current.CancellationToken);
        await securityEvents.RaiseAsync("InvalidMessages", "second", TestContext.Current.CancellationToken);
        Assert.Equal(2, await queue.CountAsync(TestContext.Current.CancellationToken));

        await Peer.OfflineAsync(site.Identity, offline: false);
        await site.UntilAsync(() => site.Handled("SecurityEventNotification").Count >= 3, "the queued events are delivered");
        var delivered = site.Handled("SecurityEventNotification").Skip(1).Select(e => (e.GetProperty("type").GetString(), e.GetProperty("techInfo").GetString())).ToList();
        Assert.Equal([("SettingSystemTime", "first"), ("InvalidMessages", "second")], delivered);
        await Shared.Eventually.TrueAsync(async () => await queue.CountAsync(CancellationToken.None) == 0, because: "the queue is empty");
    }

    internal static async Task<string> InstallAsync(OcppSite site, string type, string pem) =>
        Status(await site.CallAsync("InstallCertificate", new JsonObject { ["certificateType"] = type, ["certificate"] = pem }.ToJsonString()));

    private static string Chain(X509Certificate2 certificate) => new JsonObject { ["certificateChain"] = certificate.ExportCertificatePem() }.ToJsonString();

    internal static string Status(JsonElement answer) => answer.GetProperty("status").GetString()!;
}
