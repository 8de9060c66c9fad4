using OpenCpm.Protocols.Ocpp;

namespace OpenCpm.Tests.Interop.OcppRpc;

/// <summary>A Central System that speaks no OCPP 1.6: ocpp-rpc completes the handshake without a subprotocol (ocpp-rpc#64), we refuse the link.</summary>
public sealed class OcppRpcSubprotocolTests
{
    [Fact]
    public async Task A_central_system_that_agrees_no_ocpp16_is_refused()
    {
        await using var peer = await OcppRpcPeer.StartAsync(new { protocols = new[] { "ocpp2.0.1" } }, TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<OcppConnectException>(() => InteropChargePoint.ConnectAsync(peer, "CP-16-ONLY"));

        Assert.Equal(OcppConnectFailure.NoSubprotocol, error.Failure);
        var refused = await peer.WaitForAsync("refused", "CP-16-ONLY");
        Assert.Equal("ocpp1.6", refused.GetProperty("offered")[0].GetString());
    }
}
