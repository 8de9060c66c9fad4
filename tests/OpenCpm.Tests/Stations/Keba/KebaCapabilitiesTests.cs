using OpenCpm.Protocols.Keba;
using OpenCpm.Stations.Keba;

namespace OpenCpm.Tests.Stations.Keba;

public sealed class KebaCapabilitiesTests
{
    public static TheoryData<string, string, bool, bool, bool, bool> Products => new()
    {
        { "KC-P30-EC240422-E00", "c", true, true, false, true },
        { "KC-P30-ES240022-E0R", "c", true, true, true, true },
        { "KC-P30-EC2404B2-M0R", "x", true, true, true, true },
        { "KC-P30-EC220112-000-DE", "c", true, false, false, false },
        { "KC-P30-EC240402-E0R", "e", false, true, true, true },
        { "KC-P30-EC240432-E0R", "a", false, true, true, true },
        { "BMW-10-EC240522-E1R", "c", true, true, true, true },
        { "KC-P20-ES240030-000", "c", true, false, false, false },
    };

    [Theory]
    [MemberData(nameof(Products))]
    public void Decodes_series_meter_rfid_and_display_from_the_product_code(string product, string series, bool controllable, bool meter, bool rfid, bool display)
    {
        var capabilities = KebaCapabilities.From(new KebaReport1 { Product = product, Serial = "1", Firmware = "P30 v 3.10.57" });
        Assert.Equal((series, controllable, meter, rfid, display), (capabilities.Series, capabilities.Controllable, capabilities.HasMeter, capabilities.HasRfid, capabilities.HasDisplay));
    }

    [Theory]
    [InlineData(0x25, true, 32.0)]
    [InlineData(0x20, true, 10.0)]
    [InlineData(0x22, true, 16.0)]
    [InlineData(0x06, false, 20.0)]
    [InlineData(0x21, true, 25.0)]
    public void Decodes_the_interface_switch_and_max_current_from_DIP_block_1(int dip, bool interfaceOn, double maxA)
    {
        var capabilities = KebaCapabilities.From(new KebaReport1 { Product = "KC-P30-EC240422-E0R", Serial = "1", Firmware = "f", DipSwitch1 = (byte)dip });
        Assert.Equal((interfaceOn, maxA), (capabilities.InterfaceEnabledBySwitch, capabilities.DipMaxCurrentA));
    }
}
