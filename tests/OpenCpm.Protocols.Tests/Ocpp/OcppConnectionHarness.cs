using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using OpenCpm.Protocols.Ocpp;
using OpenCpm.Tests.Shared;

namespace OpenCpm.Protocols.Tests.Ocpp;

/// <summary>Our <see cref="OcppConnection"/> running on one end of a real loopback WebSocket, a raw peer on the other, a fake clock and a recording log.</summary>
internal sealed class OcppConnectionHarness : IAsyncDisposable
{
    private int _nextId;

    private OcppConnectionHarness(RawOcppPeer peer)
    {
        Peer = peer;
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.Zero));

    public RecordingLoggerProvider Log { get; } = new();

    private readonly List<OcppFrameTrace> _traces = [];

    /// <summary>A copy of the frames traced so far (the connection may still be adding to them).</summary>
    public IReadOnlyList<OcppFrameTrace> Traces
    {
        get
        {
            lock (_traces)
            {
                return [.. _traces];
            }
        }
    }

    public RawOcppPeer Peer { get; }

    public OcppConnection Connection { get; private set; } = null!;

    public Task Running { get; private set; } = Task.CompletedTask;

    public static async Task<OcppConnectionHarness> StartAsync(OcppRouter? router = null, Func<OcppConnectionOptions, OcppConnectionOptions>? configure = null, bool run = true)
    {
        var (ours, peer) = await RawOcppPeer.PairAsync();
        var harness = new OcppConnectionHarness(peer);
        var options = new OcppConnectionOptions
        {
            Name = "CP-1",
            NewMessageId = () => "m" + Interlocked.Increment(ref harness._nextId),
            OnFrame = trace => { lock (harness._traces) { harness._traces.Add(trace); } },
        };
        harness.Connection = new OcppConnection(ours, router, configure?.Invoke(options) ?? options, harness.Time, harness.Log.CreateLogger<OcppConnection>());
        if (run)
        {
            harness.Running = harness.Connection.RunAsync(TestContext.Current.CancellationToken);
        }

        return harness;
    }

    public int OutboundCount()
    {
        return Traces.Count(t => t.Outbound);
    }

    public IEnumerable<RecordingLoggerProvider.LogEntry> Entries(int eventId) => Log.Entries.Where(e => e.EventId.Id == eventId);

    public IEnumerable<RecordingLoggerProvider.LogEntry> Errors => Log.AtLeast(LogLevel.Error);

    /// <summary>The peer goes first, so our side sees the socket end and never waits on the fake clock for a closing handshake.</summary>
    public async ValueTask DisposeAsync()
    {
        await Peer.DisposeAsync();
        await Running;
        await Connection.DisposeAsync();
        Log.Dispose();
    }
}
