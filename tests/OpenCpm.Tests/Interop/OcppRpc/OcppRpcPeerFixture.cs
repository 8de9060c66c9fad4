namespace OpenCpm.Tests.Interop.OcppRpc;

/// <summary>One ocpp-rpc Central System shared by a test class; each test connects with its own identity.</summary>
public sealed class OcppRpcPeerFixture : IAsyncLifetime
{
    /// <summary>Identities whose Basic-auth password the peer checks (profile 1).</summary>
    public const string GuardedIdentity = "CP-GUARDED";
    public const string GuardedPassword = "OCA_OCTT_admin_test";

    internal OcppRpcPeer Peer { get; private set; } = null!;

    public async ValueTask InitializeAsync() =>
        Peer = await OcppRpcPeer.StartAsync(new { basicAuth = new Dictionary<string, string> { [GuardedIdentity] = GuardedPassword } }, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await Peer.DisposeAsync();
}
