using OpenCpm.Protocols.Keba;

namespace OpenCpm.Stations.Keba;

/// <summary>Decodes report 1 (product code, firmware, DIP switches) into <see cref="StationCapabilities"/> (spec 8.3, 9.2).</summary>
public static class KebaCapabilities
{
    public static StationCapabilities From(KebaReport1 report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var product = report.Product.Trim();
        var german = product.EndsWith("-DE", StringComparison.OrdinalIgnoreCase);
        var model = product.Length >= 6 ? product[3..6] : "";
        // The Deutschland-Edition is a controllable c-series box whatever its code letter says (spec 1.1).
        var series = german ? "c" : product.Length > 13 ? SeriesOf(product[13], model) : "?";
        return new StationCapabilities
        {
            Product = product,
            Serial = report.Serial,
            Firmware = report.Firmware,
            Series = series,
            Controllable = series is "c" or "x",
            HasMeter = !german && product.Length > 16 && product[16] != '0',
            HasRfid = product.Length > 18 && product[18] == 'R',
            HasDisplay = !german && model != "P20",
            HasComModule = report.ComModule == 1,
            DipSwitch1 = report.DipSwitch1,
            DipSwitch2 = report.DipSwitch2,
            InterfaceEnabledBySwitch = report.DipSwitch1 is { } d ? ((d >> 5) & 1) == 1 : null,
            DipMaxCurrentA = report.DipSwitch1 is { } dip ? DipMaxCurrent(dip) : null,
            SupportsSessionHistory = model == "P30" || product.StartsWith("BMW", StringComparison.Ordinal),
            DipSwitches = KebaDipSwitches.Decode(report.DipSwitch1, report.DipSwitch2),
            FirmwareUpdateByController = false,
            FirmwareUpdateNote = "A KEBA P30's firmware cannot be pushed over its UDP interface: update it on the station itself "
                + "(the x-series' web interface, or KEBA's service tools for the c-series).",
        };
    }

    /// <summary>DSW1.6/1.7/1.8 (bits 2, 1, 0 of the byte): 10, 13, 16, 20, 25, 32 A.</summary>
    public static double? DipMaxCurrent(byte dip1) => (((dip1 >> 2) & 1) == 1, ((dip1 >> 1) & 1) == 1, (dip1 & 1) == 1) switch
    {
        (false, false, false) => 10,
        (true, false, false) => 13,
        (false, true, false) => 16,
        (true, true, false) => 20,
        (false, false, true) => 25,
        (true, false, true) => 32,
        _ => null,
    };

    private static string SeriesOf(char code, string model) => code switch
    {
        '0' => "e",
        '1' => "b",
        '2' or 'A' or 'K' => "c",
        '3' => model == "P20" ? "c" : "a",
        'B' or 'C' or 'D' or 'E' or 'G' or 'H' or 'S' or 'U' => "x",
        _ => "?",
    };
}
