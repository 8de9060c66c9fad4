using System.Globalization;

namespace OpenCpm.Stations.Keba;

/// <summary>
/// The DIP switches of a KEBA P30 from report 1's <c>DIP-Sw1</c>/<c>DIP-Sw2</c> bytes (spec 8.2, 8.3): the byte's most
/// significant bit is switch 1 (<c>0x25</c> = DSW1.3, 1.6 and 1.8 on). Settings made on the board, not in software.
/// </summary>
public static class KebaDipSwitches
{
    public static IReadOnlyList<DipSwitch> Decode(byte? dsw1, byte? dsw2) =>
        [.. Block(1, dsw1, Meanings1), .. Block(2, dsw2, Meanings2)];

    private static readonly string?[] Meanings1 =
    [
        null,
        "output X2: KEBA's function (off) or free use by command (on)",
        "SmartHome interface (UDP and Modbus) on",
        null,
        null,
        "maximum current, with DSW1.7 and DSW1.8",
        "maximum current, with DSW1.6 and DSW1.8",
        "maximum current, with DSW1.6 and DSW1.7",
    ];

    private static readonly string?[] Meanings2 =
    [
        "static IP address selection, with DSW2.2–2.4",
        "static IP address selection, with DSW2.1, 2.3, 2.4",
        "static IP address selection, with DSW2.1, 2.2, 2.4",
        "static IP address selection, with DSW2.1–2.3",
        "charging network (master/client) communication",
        "on with a static IP address, off for DHCP",
        null,
        "installation mode (off in operation)",
    ];

    private static IEnumerable<DipSwitch> Block(int block, byte? value, string?[] meanings)
    {
        if (value is not { } bits)
        {
            yield break;
        }

        for (var i = 0; i < 8; i++)
        {
            yield return new DipSwitch(string.Create(CultureInfo.InvariantCulture, $"DSW{block}.{i + 1}"), ((bits >> (7 - i)) & 1) == 1, meanings[i]);
        }
    }
}
