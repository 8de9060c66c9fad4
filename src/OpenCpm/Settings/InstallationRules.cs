using System.Globalization;
using System.Net;
using System.Net.Sockets;
using OpenCpm.Core.LoadManagement;
using OpenCpm.Data;
using OpenCpm.Security;

namespace OpenCpm.Settings;

/// <summary>
/// What makes a set of charge point installations unusable, beyond load management (ids and currents are
/// <see cref="SiteSettingsValidator"/>'s): how many, serials, addresses, connector ids, drivers, display names.
/// A KEBA station's address is unique (the UDP endpoint tells stations apart by it); OCPP connectors of one
/// station may share theirs.
/// </summary>
internal static class InstallationRules
{
    /// <summary>The most charge points one controller drives.</summary>
    public const int MaxChargePoints = 1000;

    /// <summary>Connector ids toward the OCPP backend: 1 to this.</summary>
    public const int MaxConnectorId = MaxChargePoints;

    /// <summary>A serial: 1 to 25 letters, digits, '-', '_' or '.' (25 = OCPP's chargePointSerialNumber).</summary>
    public const int MaxSerialLength = 25;

    public const int MaxDisplayNameLength = 64;

    public static IEnumerable<string> Check(IReadOnlyList<ChargePointInstallation> installations)
    {
        if (installations.Count > MaxChargePoints)
        {
            yield return F($"A site has at most {MaxChargePoints} charge points but {installations.Count} are configured.");
            yield break;
        }

        var connectors = new Dictionary<int, string>();
        var addresses = new Dictionary<IPAddress, string>();
        foreach (var installation in installations)
        {
            var id = SiteSettingsValidator.Shown(installation.Id);
            if (installation.ConnectorId is < 1 or > MaxConnectorId)
            {
                yield return F($"Charge point \"{id}\": the connector id must be 1 to {MaxConnectorId} (or 0 to assign one) but is {installation.ConnectorId}.");
            }
            else if (!connectors.TryAdd(installation.ConnectorId, id))
            {
                yield return F($"Charge point \"{id}\": connector id {installation.ConnectorId} is already used by charge point \"{connectors[installation.ConnectorId]}\".");
            }

            if (!Enum.IsDefined(installation.Driver))
            {
                yield return F($"Charge point \"{id}\": the driver must be Keba or Ocpp but is {(int)installation.Driver}.");
            }

            if (installation.Serial is { Length: > 0 } serial && (serial.Length > MaxSerialLength || !serial.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
            {
                yield return $"Charge point \"{id}\": the serial must be 1 to {MaxSerialLength} letters, digits, '-', '_' or '.' but is \"{LogText.Escape(serial)}\".";
            }

            if (TextRules.Check($"Charge point \"{id}\": the display name", installation.DisplayName, MaxDisplayNameLength) is { } nameProblem)
            {
                yield return nameProblem;
            }

            if (installation.Address is { Length: > 0 } address)
            {
                if (AddressProblem(address, installation.Driver == StationDriverKind.Keba) is { } problem)
                {
                    yield return $"Charge point \"{id}\": the address {problem} but is \"{LogText.Escape(address)}\".";
                }
                else if (installation.Driver == StationDriverKind.Keba && !addresses.TryAdd(IPAddress.Parse(address), id))
                {
                    yield return $"Charge point \"{id}\": the address {address} is already used by charge point \"{addresses[IPAddress.Parse(address)]}\".";
                }
            }
            else if (installation.Driver == StationDriverKind.Keba)
            {
                yield return $"Charge point \"{id}\": a KEBA station needs its IP address.";
            }
        }
    }

    /// <summary>
    /// Null when <paramref name="address"/> is one station's IP address written plainly (e.g. 192.168.25.11; an
    /// IPv4 address when <paramref name="ipv4Only"/>), else what it must be: not the unspecified address, not a
    /// broadcast or multicast address.
    /// </summary>
    public static string? AddressProblem(string address, bool ipv4Only)
    {
        if (!IPAddress.TryParse(address, out var ip) || !string.Equals(ip.ToString(), address, StringComparison.OrdinalIgnoreCase))
        {
            return ipv4Only ? "must be an IPv4 address written as four numbers (a.b.c.d)" : "must be an IP address written plainly";
        }

        if (ipv4Only && ip.AddressFamily != AddressFamily.InterNetwork)
        {
            return "must be an IPv4 address (a KEBA station speaks UDP over IPv4)";
        }

        if (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any) || ip.Equals(IPAddress.Broadcast) || IsMulticast(ip))
        {
            return "must be one station's address, not the unspecified, a broadcast or a multicast address";
        }

        return null;
    }

    public static bool IsMulticast(IPAddress ip) =>
        ip.AddressFamily == AddressFamily.InterNetwork ? (ip.GetAddressBytes()[0] & 0xF0) == 0xE0 : ip.IsIPv6Multicast;

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
