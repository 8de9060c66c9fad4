using System.Net;
using System.Net.Sockets;
using OpenCpm.Data;
using OpenCpm.Protocols.Keba;

namespace OpenCpm.Stations.Keba;

/// <summary>
/// KEBA P30 stations over their UDP interface: the host's one socket on port 7090 (<see cref="KebaUdpEndpoint"/>),
/// discovery by the <c>i</c> broadcast, and a <see cref="KebaStationDriver"/> per charge point.
/// </summary>
internal sealed class KebaProtocol(
    KebaUdpEndpoint endpoint,
    StationEvents events,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory) : IStationProtocol
{
    private static readonly TimeSpan DiscoveryReplyWindow = TimeSpan.FromSeconds(2);
    private readonly ILogger _logger = loggerFactory.CreateLogger<KebaProtocol>();

    public StationDriverKind Kind => StationDriverKind.Keba;

    public string? Problem { get; private set; } = "the KEBA UDP port is not open yet";

    public void Start()
    {
        try
        {
            endpoint.Start();
            Problem = null;
        }
        catch (SocketException ex)
        {
            Problem = $"the KEBA UDP port can't be opened ({ex.Message})";
            KebaProtocolLog.EndpointUnavailable(_logger, ex.Message);
        }
    }

    public StationDriverResult CreateDriver(ChargePointInstallation installation)
    {
        ArgumentNullException.ThrowIfNull(installation);
        if (Problem is { } problem)
        {
            return StationDriverResult.None(problem);
        }

        if (!IPAddress.TryParse(installation.Address, out var address))
        {
            return StationDriverResult.None($"its address \"{installation.Address}\" is not an IP address");
        }

        return StationDriverResult.Of(new KebaStationDriver(
            new KebaStationDriverOptions
            {
                ChargePointId = installation.Id,
                Address = address,
                FailsafeCurrentA = installation.Settings.FailsafeCurrentA,
            },
            endpoint,
            timeProvider,
            loggerFactory.CreateLogger<KebaStationDriver>(),
            events));
    }

    public async Task<IReadOnlyList<DiscoveredStation>> DiscoverAsync(DiscoverySettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (Problem is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        var found = await endpoint.DiscoverAsync(IPAddress.Parse(settings.BroadcastAddress), DiscoveryReplyWindow, cancellationToken);
        return [.. found.Select(s => new DiscoveredStation(StationDriverKind.Keba, s.Address.ToString(), s.Firmware))];
    }
}
