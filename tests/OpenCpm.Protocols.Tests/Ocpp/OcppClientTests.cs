using System.Net;
using System.Net.WebSockets;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using OpenCpm.Protocols.Ocpp;
using OpenCpm.Protocols.Ocpp.V16;
using OpenCpm.Tests.Shared;

namespace OpenCpm.Protocols.Tests.Ocpp;

/// <summary>
/// Connecting as a charge point over real loopback sockets: the identity in the URL, the subprotocol that must be agreed,
/// security profile 1 (Basic auth), 2 (TLS checked against a test CA made here) and 3 (client certificate).
/// </summary>
public sealed class OcppClientTests
{
    private const string Identity = "KEBA M20";
    private static readonly byte[] Password = Encoding.UTF8.GetBytes("OCA_OCTT_admin_test");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Profile_0_connects_to_endpoint_slash_encoded_identity_offering_ocpp16_without_credentials()
    {
        using var server = new LoopbackOcppServer();

        var connecting = OcppClient.ConnectAsync(new OcppClientOptions { Endpoint = server.Endpoint(), ChargeBoxIdentity = Identity }, cancellationToken: Ct);
        var handshake = await server.AcceptAsync();
        using var socket = await connecting;

        Assert.Equal("/ocpp/KEBA%20M20", handshake.Target);
        Assert.Equal("ocpp1.6", handshake.Header("Sec-WebSocket-Protocol"));
        Assert.Null(handshake.Header("Authorization"));
        Assert.Equal("ocpp1.6", socket.SubProtocol);
        handshake.Socket!.Dispose();
    }

    [Fact]
    public async Task The_same_connection_class_serves_the_charge_point_and_the_central_system_end()
    {
        using var server = new LoopbackOcppServer();
        var connecting = OcppClient.ConnectAsync(new OcppClientOptions { Endpoint = server.Endpoint(), ChargeBoxIdentity = Identity }, cancellationToken: Ct);
        var handshake = await server.AcceptAsync();
        var csmsRouter = new OcppRouter().On((BootNotificationRequest request) => new BootNotificationResponse
        {
            Status = request.ChargePointVendor == "OpenCPM" ? RegistrationStatus.Accepted : RegistrationStatus.Rejected,
            CurrentTime = new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.Zero),
            Interval = 300,
        });
        await using var chargePoint = new OcppConnection(await connecting);
        await using var centralSystem = new OcppConnection(handshake.Socket!, csmsRouter);
        var runs = new[] { chargePoint.RunAsync(Ct), centralSystem.RunAsync(Ct) };

        var answer = await chargePoint.CallAsync(new BootNotificationRequest { ChargePointVendor = "OpenCPM", ChargePointModel = "M20" }, Ct);
        await chargePoint.CloseAsync(cancellationToken: Ct);
        await Task.WhenAll(runs);

        Assert.Equal(RegistrationStatus.Accepted, answer.Status);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, centralSystem.CloseStatus);
    }

    [Fact]
    public async Task Profile_1_sends_basic_auth_with_identity_and_password()
    {
        using var server = new LoopbackOcppServer();

        var connecting = OcppClient.ConnectAsync(Options(server, OcppSecurityProfile.BasicAuth), cancellationToken: Ct);
        var handshake = await server.AcceptAsync();
        using var socket = await connecting;

        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("KEBA M20:OCA_OCTT_admin_test")), handshake.Header("Authorization"));
        handshake.Socket!.Dispose();
    }

    [Fact]
    public async Task A_server_that_agrees_no_subprotocol_is_refused_and_told_so()
    {
        using var server = new LoopbackOcppServer();

        var connecting = OcppClient.ConnectAsync(Options(server, OcppSecurityProfile.None), cancellationToken: Ct);
        var handshake = await server.AcceptAsync(subprotocol: null);
        var error = await Assert.ThrowsAsync<OcppConnectException>(() => connecting);

        Assert.Equal(OcppConnectFailure.NoSubprotocol, error.Failure);
        Assert.Equal($"ws://127.0.0.1:{server.Port}/ocpp/KEBA%20M20 agreed no OCPP subprotocol (offered ocpp1.6)", error.Message);
        var close = await handshake.Socket!.ReceiveAsync(new byte[64], Ct);
        Assert.Equal((WebSocketMessageType.Close, WebSocketCloseStatus.ProtocolError), (close.MessageType, handshake.Socket.CloseStatus!.Value));
        handshake.Socket.Dispose();
    }

    [Theory]
    [InlineData(401)]
    [InlineData(404)]
    public async Task An_http_refusal_is_reported_with_its_status(int status)
    {
        using var server = new LoopbackOcppServer();

        var connecting = OcppClient.ConnectAsync(Options(server, OcppSecurityProfile.BasicAuth), cancellationToken: Ct);
        await server.AcceptAsync(status);
        var error = await Assert.ThrowsAsync<OcppConnectException>(() => connecting);

        Assert.Equal((OcppConnectFailure.Rejected, (HttpStatusCode)status), (error.Failure, error.HttpStatusCode!.Value));
        Assert.Equal($"ws://127.0.0.1:{server.Port}/ocpp/KEBA%20M20 refused the WebSocket upgrade with HTTP {status} {(HttpStatusCode)status}", error.Message);
    }

    [Fact]
    public async Task Nobody_listening_is_unreachable()
    {
        var port = FreePort.Tcp();

        var error = await Assert.ThrowsAsync<OcppConnectException>(() => OcppClient.ConnectAsync(
            new OcppClientOptions { Endpoint = new Uri($"ws://127.0.0.1:{port}/ocpp"), ChargeBoxIdentity = "CP" }, cancellationToken: Ct));

        Assert.Equal(OcppConnectFailure.Unreachable, error.Failure);
        Assert.StartsWith($"could not connect to ws://127.0.0.1:{port}/ocpp/CP: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_never_answers_the_upgrade_times_out_on_the_clock()
    {
        using var server = new LoopbackOcppServer();
        var time = new FakeTimeProvider();

        var connecting = OcppClient.ConnectAsync(Options(server, OcppSecurityProfile.None) with { ConnectTimeout = TimeSpan.FromSeconds(20) }, time, cancellationToken: Ct);
        using var silent = await server.AcceptSilentlyAsync();
        time.Advance(TimeSpan.FromSeconds(20));
        var error = await Assert.ThrowsAsync<OcppConnectException>(() => connecting);

        Assert.Equal((OcppConnectFailure.Unreachable, $"ws://127.0.0.1:{server.Port}/ocpp/KEBA%20M20 did not complete the WebSocket handshake within 20 s"), (error.Failure, error.Message));
    }

    [Fact]
    public async Task With_a_keep_alive_timeout_a_peer_that_stops_answering_pings_is_dropped()
    {
        using var server = new LoopbackOcppServer();
        var options = Options(server, OcppSecurityProfile.None) with { KeepAliveInterval = TimeSpan.FromMilliseconds(100), KeepAliveTimeout = TimeSpan.FromMilliseconds(300) };

        var connecting = OcppClient.ConnectAsync(options, cancellationToken: Ct);
        var handshake = await server.AcceptAsync();
        await using var connection = new OcppConnection(await connecting);
        var running = connection.RunAsync(Ct);

        await running.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.False(connection.IsOpen);
        handshake.Socket!.Dispose();
    }

    [Theory]
    [InlineData(OcppSecurityProfile.BasicAuth, "wss://csms.example.com/ocpp", "security profile 1 needs a ws:// endpoint but was wss://csms.example.com/ocpp")]
    [InlineData(OcppSecurityProfile.TlsWithBasicAuth, "ws://csms.example.com/ocpp", "security profile 2 needs a wss:// endpoint but was ws://csms.example.com/ocpp")]
    [InlineData(OcppSecurityProfile.None, "http://csms.example.com/ocpp", "the Central System endpoint must be a ws:// or wss:// URL but was http://csms.example.com/ocpp")]
    public async Task A_profile_that_does_not_fit_the_endpoint_is_refused_before_connecting(OcppSecurityProfile profile, string endpoint, string sentence)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => OcppClient.ConnectAsync(
            new OcppClientOptions { Endpoint = new Uri(endpoint), ChargeBoxIdentity = "CP", SecurityProfile = profile, BasicAuthPassword = Password }, cancellationToken: Ct));

        Assert.StartsWith(sentence, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Profiles_1_and_2_need_a_password_and_3_a_certificate_with_its_key()
    {
        var noPassword = await Assert.ThrowsAsync<ArgumentException>(() => OcppClient.ConnectAsync(
            new OcppClientOptions { Endpoint = new Uri("ws://127.0.0.1:1/ocpp"), ChargeBoxIdentity = "CP", SecurityProfile = OcppSecurityProfile.BasicAuth }, cancellationToken: Ct));
        var noCertificate = await Assert.ThrowsAsync<ArgumentException>(() => OcppClient.ConnectAsync(
            new OcppClientOptions { Endpoint = new Uri("wss://127.0.0.1:1/ocpp"), ChargeBoxIdentity = "CP", SecurityProfile = OcppSecurityProfile.TlsWithClientCertificate }, cancellationToken: Ct));

        Assert.StartsWith("security profile 1 needs a Basic-auth password (AuthorizationKey) but none is set", noPassword.Message, StringComparison.Ordinal);
        Assert.StartsWith("security profile 3 needs a charge point certificate with its private key but none is set", noCertificate.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Profile_2_trusts_a_server_certificate_signed_by_the_installed_root_and_sends_basic_auth_over_tls()
    {
        using var root = TestCertificates.Root("Test CSMS Root");
        using var server = new LoopbackOcppServer(TestCertificates.Server(root));

        var connecting = OcppClient.ConnectAsync(Options(server, OcppSecurityProfile.TlsWithBasicAuth) with { CentralSystemRootCertificate = root }, cancellationToken: Ct);
        var handshake = await server.AcceptAsync();
        using var socket = await connecting;

        Assert.Null(handshake.Failure);
        Assert.Equal("ocpp1.6", socket.SubProtocol);
        Assert.StartsWith("Basic ", handshake.Header("Authorization"), StringComparison.Ordinal);
        handshake.Socket!.Dispose();
    }

    [Fact]
    public async Task Profile_2_without_an_installed_root_checks_the_system_store_which_does_not_know_the_test_ca()
    {
        using var root = TestCertificates.Root("Test CSMS Root");
        using var server = new LoopbackOcppServer(TestCertificates.Server(root));
        var log = new RecordingLoggerProvider();

        var connecting = OcppClient.ConnectAsync(Options(server, OcppSecurityProfile.TlsWithBasicAuth), logger: log.CreateLogger("test"), cancellationToken: Ct);
        var handshake = await server.AcceptAsync();
        var error = await Assert.ThrowsAsync<OcppConnectException>(() => connecting);

        Assert.Equal(OcppConnectFailure.InvalidServerCertificate, error.Failure);
        Assert.NotNull(handshake.Failure);
        Assert.Contains(log.Entries, e => e.EventId.Id == 6114);
    }

    [Fact]
    public async Task Profile_2_refuses_a_certificate_of_another_ca_and_one_for_another_host()
    {
        using var root = TestCertificates.Root("Test CSMS Root");
        using var stranger = TestCertificates.Root("Someone else");
        using var foreign = new LoopbackOcppServer(TestCertificates.Server(stranger));
        using var misnamed = new LoopbackOcppServer(TestCertificates.Server(root, address: "10.9.8.7"));

        var foreignConnect = OcppClient.ConnectAsync(Options(foreign, OcppSecurityProfile.TlsWithBasicAuth) with { CentralSystemRootCertificate = root }, cancellationToken: Ct);
        await foreign.AcceptAsync();
        var misnamedConnect = OcppClient.ConnectAsync(Options(misnamed, OcppSecurityProfile.TlsWithBasicAuth) with { CentralSystemRootCertificate = root }, cancellationToken: Ct);
        await misnamed.AcceptAsync();

        Assert.Equal(OcppConnectFailure.InvalidServerCertificate, (await Assert.ThrowsAsync<OcppConnectException>(() => foreignConnect)).Failure);
        Assert.Equal(OcppConnectFailure.InvalidServerCertificate, (await Assert.ThrowsAsync<OcppConnectException>(() => misnamedConnect)).Failure);
    }

    [Fact]
    public async Task Profile_3_presents_the_charge_point_certificate_and_no_password()
    {
        using var root = TestCertificates.Root("Test CPO Root");
        using var chargePointCertificate = TestCertificates.ChargePoint(root, "OCPM-0001");
        using var server = new LoopbackOcppServer(TestCertificates.Server(root), requireClientCertificate: true);

        var connecting = OcppClient.ConnectAsync(new OcppClientOptions
        {
            Endpoint = server.Endpoint(), ChargeBoxIdentity = Identity, SecurityProfile = OcppSecurityProfile.TlsWithClientCertificate,
            CentralSystemRootCertificate = root, ClientCertificate = chargePointCertificate,
        }, cancellationToken: Ct);
        var handshake = await server.AcceptAsync();
        using var socket = await connecting;

        Assert.Equal("CN=OCPM-0001, O=Test CPO", handshake.ClientCertificate!.Subject);
        using var chain = new System.Security.Cryptography.X509Certificates.X509Chain();
        chain.ChainPolicy.TrustMode = System.Security.Cryptography.X509Certificates.X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        chain.ChainPolicy.RevocationMode = System.Security.Cryptography.X509Certificates.X509RevocationMode.NoCheck;
        Assert.True(chain.Build(handshake.ClientCertificate));
        Assert.Null(handshake.Header("Authorization"));
        handshake.Socket!.Dispose();
    }

    private static OcppClientOptions Options(LoopbackOcppServer server, OcppSecurityProfile profile) => new()
    {
        Endpoint = server.Endpoint(), ChargeBoxIdentity = Identity, SecurityProfile = profile, BasicAuthPassword = Password,
    };
}
