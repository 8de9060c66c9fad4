using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using OpenCpm.Data;
using OpenCpm.Ocpp;
using OpenCpm.Tests.Interop.OcppRpc;

namespace OpenCpm.Tests.Ocpp;

/// <summary>
/// Security profiles 2 and 3 against ocpp-rpc behind Node's TLS (a test CA made per test): the Central System root
/// installed by InstallCertificate makes the backend's certificate trusted (TC_086); a certificate of another CA keeps
/// the link down and raises InvalidCentralSystemCertificate, delivered once the backend is reachable again (TC_078);
/// a charge point certificate uploaded as .pfx through the API and SecurityProfile raised to 3 over OCPP connect with
/// that client certificate (TC_083, TC_087).
/// </summary>
public sealed class OcppTlsTests
{
    private const string Key = "0123456789abcdef0123";

    [Fact]
    public async Task Profile_2_trusts_the_backend_once_its_root_is_installed_by_install_certificate()
    {
        using var pki = new TestPki("Test CSMS Root");
        await using var peer = await StartPeerAsync(pki.Server());
        await using var site = await OcppSite.StartAsync(peer, "CP-TLS2", stations: 1);
        Assert.Equal("Accepted", await OcppCertificateTests.InstallAsync(site, "CentralSystemRootCertificate", pki.RootPem));

        await site.SetAsync<OcppBackendSettings>(b => b with { Url = peer.SecureEndpoint.ToString(), SecurityProfile = 2, AuthorizationKey = Key });
        var connected = await peer.WaitForAsync("connected", site.Identity, e => e.GetProperty("secure").GetBoolean());
        await site.UntilAsync(() => site.Demo.Service<CsmsLink>().IsAccepted, "the backend accepts over TLS");

        Assert.Equal(Key, connected.GetProperty("password").GetString());
        await site.UntilAsync(() => site.Handled("SecurityEventNotification").Any(e => e.GetProperty("techInfo").GetString() == "security profile 0 → 2"), "the reconfiguration is reported");
    }

    [Fact]
    public async Task A_backend_certificate_of_another_ca_keeps_the_link_down_and_raises_an_event_delivered_later()
    {
        using var pki = new TestPki("Test CSMS Root");
        using var stranger = new TestPki("Someone else");
        await using var peer = await StartPeerAsync(stranger.Server());
        await using var site = await OcppSite.StartAsync(peer, "CP-TLSBAD", stations: 1);
        Assert.Equal("Accepted", await OcppCertificateTests.InstallAsync(site, "CentralSystemRootCertificate", pki.RootPem));

        await site.SetAsync<OcppBackendSettings>(b => b with { Url = peer.SecureEndpoint.ToString(), SecurityProfile = 2, AuthorizationKey = Key });
        var queue = site.Demo.Service<OcppSecurityEventStore>();
        await Shared.Eventually.TrueAsync(async () => (await queue.ListAsync(CancellationToken.None)).Any(e => e.Type == "InvalidCentralSystemCertificate"), because: "InvalidCentralSystemCertificate is queued");
        Assert.False(site.Demo.Service<CsmsLink>().IsAccepted);
        Assert.DoesNotContain(peer.Events, e => OcppRpcPeer.Kind(e) == "connected" && OcppRpcPeer.Identity(e) == site.Identity && e.GetProperty("secure").GetBoolean());

        // Back to the plain endpoint (the operator's way out): the event reaches the backend.
        await site.SetAsync<OcppBackendSettings>(b => b with { Url = peer.Endpoint.ToString(), SecurityProfile = 1 });
        await site.UntilAsync(() => site.Handled("SecurityEventNotification").Any(e => e.GetProperty("type").GetString() == "InvalidCentralSystemCertificate"), "InvalidCentralSystemCertificate is delivered");
    }

    [Fact]
    public async Task Profile_3_is_reached_over_ocpp_with_a_client_certificate_uploaded_as_pfx()
    {
        using var pki = new TestPki("Test CPO Root");
        await using var peer = await StartPeerAsync(pki.Server(), clientCa: pki.RootPem);
        await using var site = await OcppSite.StartAsync(peer, "CP-TLS3", stations: 1);
        Assert.Equal("Rejected", OcppCertificateTests.Status(await site.CallAsync("ChangeConfiguration", """{"key":"SecurityProfile","value":"3"}""")));

        using var chargePoint = pki.ChargePoint("CP-TLS3");
        using var http = await site.Demo.CreateClientAsync();
        var upload = await http.PostAsJsonAsync("/api/v1/ocpp/certificates", new
        {
            type = "ChargePoint",
            pfx = Convert.ToBase64String(chargePoint.Export(X509ContentType.Pkcs12, "pfx-Passw0rd")),
            password = "pfx-Passw0rd",
        }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await http.PostAsJsonAsync("/api/v1/ocpp/certificates", new { type = "CentralSystemRoot", pem = pki.RootPem }, TestContext.Current.CancellationToken)).StatusCode);
        await site.SetAsync<OcppBackendSettings>(b => b with { Url = peer.SecureEndpoint.ToString(), SecurityProfile = 2, AuthorizationKey = Key });
        await peer.WaitForAsync("connected", site.Identity, e => e.GetProperty("secure").GetBoolean());
        await site.UntilAsync(() => site.Demo.Service<CsmsLink>().IsAccepted, "profile 2 is accepted");

        // TC_083: raised over OCPP; the link reconnects with the client certificate and no password (TC_087).
        Assert.Equal("Accepted", OcppCertificateTests.Status(await site.CallAsync("ChangeConfiguration", """{"key":"SecurityProfile","value":"3"}""")));
        var connected = await peer.WaitForAsync("connected", site.Identity, e => e.GetProperty("clientCertificate").ValueKind == JsonValueKind.Object);
        var client = connected.GetProperty("clientCertificate");
        Assert.Equal("CP-TLS3", client.GetProperty("subject").GetProperty("CN").GetString());
        Assert.True(client.GetProperty("authorized").GetBoolean());
        Assert.Equal(JsonValueKind.Null, connected.GetProperty("password").ValueKind);
        await site.UntilAsync(() => site.Demo.Service<CsmsLink>().IsAccepted, "profile 3 is accepted");
        Assert.Equal(3, site.Settings.Current.Get<OcppBackendSettings>().SecurityProfile);
        Assert.Equal("Rejected", OcppCertificateTests.Status(await site.CallAsync("ChangeConfiguration", """{"key":"SecurityProfile","value":"2"}""")));
    }

    private static async Task<OcppRpcPeer> StartPeerAsync(X509Certificate2 server, string? clientCa = null)
    {
        using (server)
        {
            var tls = new Dictionary<string, object?>
            {
                ["cert"] = server.ExportCertificatePem(),
                ["key"] = TestPki.KeyPem(server),
                ["ca"] = clientCa,
                ["requestCert"] = clientCa is not null,
            };
            return await OcppRpcPeer.StartAsync(new { tls }, TestContext.Current.CancellationToken);
        }
    }
}
