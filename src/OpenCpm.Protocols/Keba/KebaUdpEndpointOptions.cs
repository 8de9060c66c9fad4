using System.Net;

namespace OpenCpm.Protocols.Keba;

/// <summary>Where the host's one KEBA socket binds, where stations listen, and the timing rules per station.</summary>
public sealed record KebaUdpEndpointOptions
{
    public const int DefaultPort = 7090;

    /// <summary>Local address; 0.0.0.0 on a real site, a specific 127.x.y.z in tests so they can run side by side.</summary>
    public IPAddress Address { get; init; } = IPAddress.Any;

    /// <summary>Local port. Stations reply to port 7090 whatever the request's source port, so keep 7090 on a real site.</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>The port stations listen on.</summary>
    public int StationPort { get; init; } = DefaultPort;

    public KebaTimingOptions Timing { get; init; } = new();
}
