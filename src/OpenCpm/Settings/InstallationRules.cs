using System.Globalization;
using System.Net;
using OpenCpm.Data;

namespace OpenCpm.Settings;

/// <summary>What makes a set of charge point installations unusable, beyond load management: identities and addresses.</summary>
internal static class InstallationRules
{
    public const int MaxIdLength = 64;

    public static IEnumerable<string> Check(IReadOnlyList<ChargePointInstallation> installations)
    {
        var connectors = new Dictionary<int, string>();
        foreach (var installation in installations)
        {
            var id = installation.Id;
            if (id.Length > MaxIdLength || id.Any(c => char.IsControl(c) || c == '/'))
            {
                yield return string.Create(CultureInfo.InvariantCulture,
                    $"Charge point id \"{Shorten(id)}\" must be at most {MaxIdLength} characters without '/' or control characters.");
            }

            if (installation.ConnectorId < 1)
            {
                yield return string.Create(CultureInfo.InvariantCulture,
                    $"Charge point \"{id}\": the connector id must be 1 or more (or 0 to assign one) but is {installation.ConnectorId}.");
            }
            else if (!connectors.TryAdd(installation.ConnectorId, id))
            {
                yield return string.Create(CultureInfo.InvariantCulture,
                    $"Charge point \"{id}\": connector id {installation.ConnectorId} is already used by charge point \"{connectors[installation.ConnectorId]}\".");
            }

            if (installation.Address is { Length: > 0 } address && !IPAddress.TryParse(address, out _))
            {
                yield return $"Charge point \"{id}\": the address must be an IP address but is \"{Shorten(address)}\".";
            }

            if (installation.Driver == StationDriverKind.Keba && string.IsNullOrEmpty(installation.Address))
            {
                yield return $"Charge point \"{id}\": a KEBA station needs its IP address.";
            }
        }
    }

    private static string Shorten(string text) => text.Length > 80 ? text[..80] + "…" : text;
}
