using System.Net;
using OpenCpm.Protocols.Keba;

namespace OpenCpm.Stations.Keba;

/// <summary>
/// Host settings of the KEBA UDP interface (section <c>Keba</c>; <c>--Keba:Address=…</c> on the command line): the
/// local address the controller's one socket binds (0.0.0.0 = every interface; a single address lets a simulated
/// station run beside the controller on the same machine) and its port (7090: P30 stations answer that port only).
/// </summary>
internal sealed record KebaOptions
{
    public const string Section = "Keba";

    public string Address { get; init; } = "0.0.0.0";

    public int Port { get; init; } = KebaUdpEndpointOptions.DefaultPort;

    /// <summary>What is wrong with the settings, one sentence naming the setting; null when they can be used.</summary>
    public string? Problem() =>
        Address.Split('.').Length != 4 || !IPAddress.TryParse(Address, out var address) || address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork
            ? $"Keba:Address must be an IPv4 address such as 0.0.0.0 or 192.168.1.10, not \"{Address}\"."
            : Port is < 1 or > 65535
                ? FormattableString.Invariant($"Keba:Port must be a UDP port from 1 to 65535, not {Port}.")
                : null;

    public KebaUdpEndpointOptions ToEndpointOptions() => new() { Address = IPAddress.Parse(Address), Port = Port };
}
