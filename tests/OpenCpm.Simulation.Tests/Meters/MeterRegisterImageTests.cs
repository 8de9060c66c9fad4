using OpenCpm.Protocols.Modbus;
using OpenCpm.Simulation.Meters;

namespace OpenCpm.Simulation.Tests.Meters;

/// <summary>Every built-in profile, written by the simulator and read back by the generic reader.</summary>
public sealed class MeterRegisterImageTests
{
    private static readonly MeterValues Site = new(
        10.5, 12.25, 8, 230, 231, 229, 2415, 2829.75, 1832, 7076.75, 1_234_500, 5_600);

    public static TheoryData<string> ProfileIds => [.. MeterProfileCatalog.BuiltIn.Profiles.Select(p => p.Id)];

    [Theory, MemberData(nameof(ProfileIds))]
    public async Task Round_trips_every_profile(string id)
    {
        var profile = MeterProfileCatalog.BuiltIn.Find(id)!;
        var image = MeterRegisterImage.For(profile, Site);

        var read = await new MeterProfileReader(profile, image).ReadAsync(TestContext.Current.CancellationToken);

        foreach (var (quantity, point) in profile.Points)
        {
            if (point.Kind == MeterPointKind.Missing)
            {
                Assert.Null(read[quantity]);
                continue;
            }

            var expected = Site[quantity]!.Value;
            var actual = read[quantity];
            Assert.NotNull(actual);
            Assert.True(Math.Abs(actual.Value - expected) <= Math.Max(0.01, 0.002 * Math.Abs(expected)), $"{id} {quantity}: expected {expected}, read {actual}");
        }
    }

    [Theory]
    [InlineData("tq-em300")]
    [InlineData("keba-e10")]
    [InlineData("cg-em24-e1")]
    public async Task Round_trips_export_as_negative_power(string id)
    {
        var profile = MeterProfileCatalog.BuiltIn.Find(id)!;
        var exporting = Site with { PowerL1W = -2300, PowerTotalW = -1500 };

        var read = await new MeterProfileReader(profile, MeterRegisterImage.For(profile, exporting)).ReadAsync(TestContext.Current.CancellationToken);

        Assert.Equal(-2300, read.PowerL1W!.Value, 0.5);
        Assert.Equal(-1500, read.PowerTotalW!.Value, 0.5);
    }

    [Theory]
    [InlineData(203, 65, (ushort)40000)]
    [InlineData(203, 66, (ushort)40000)]
    [InlineData(213, 66, (ushort)0)]
    [InlineData(201, 65, (ushort)50000)]
    [InlineData(214, 65, (ushort)40000)]
    public async Task Serves_sunspec_layouts_that_discovery_finds(int modelId, int commonLength, ushort baseAddress)
    {
        var profile = MeterProfileCatalog.BuiltIn.Find("fronius-gen24-sm")!;
        var layout = new SunSpecLayout(baseAddress, (ushort)commonLength, (ushort)modelId);
        var reader = new MeterProfileReader(profile, MeterRegisterImage.For(profile, Site, layout));

        var read = await reader.ReadAsync(TestContext.Current.CancellationToken);

        Assert.Equal(new SunSpecModelLocation(baseAddress, (ushort)modelId, layout.ModelAddress, (ushort)(modelId > 210 ? 124 : 105)), reader.SunSpecModel);
        Assert.Equal(10.5, read.CurrentL1A!.Value, 0.01);
        Assert.Equal(7076.75, read.PowerTotalW!.Value, 10.0);
    }

    [Fact]
    public async Task Inverts_power_for_a_meter_that_counts_export_positive()
    {
        var json = """
            { "id": "export-positive", "vendor": "Acme", "model": "X", "protocol": "register-map",
              "powerSign": { "positive": "export" },
              "registers": {
                "currentL1": { "fc": 3, "address": 0, "type": "float32" }, "currentL2": { "fc": 3, "address": 2, "type": "float32" },
                "currentL3": { "fc": 3, "address": 4, "type": "float32" }, "voltageL1": { "missing": true },
                "voltageL2": { "missing": true }, "voltageL3": { "missing": true },
                "powerL1": { "fc": 3, "address": 10, "type": "int32" }, "powerL2": { "fc": 3, "address": 12, "type": "int32" },
                "powerL3": { "fc": 3, "address": 14, "type": "int32" }, "powerTotal": { "fc": 3, "address": 16, "type": "int32" },
                "energyImportTotal": { "missing": true }, "energyExportTotal": { "missing": true } } }
            """;
        var profile = MeterProfileParser.Parse(json, "export-positive.json");
        var image = MeterRegisterImage.For(profile, Site);

        var raw = await image.ReadRegistersAsync(ModbusFunction.ReadHoldingRegisters, 16, 2, TestContext.Current.CancellationToken);
        var read = await new MeterProfileReader(profile, image).ReadAsync(TestContext.Current.CancellationToken);

        Assert.Equal(-7077, RegisterCodec.Decode(raw, RegisterType.Int32, WordOrder.Big));
        Assert.Equal(7077, read.PowerTotalW);
    }
}
