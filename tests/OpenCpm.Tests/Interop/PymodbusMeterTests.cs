using System.Globalization;
using OpenCpm.Meter;
using OpenCpm.Protocols.Modbus;
using OpenCpm.Tests.Shared;

namespace OpenCpm.Tests.Interop;

/// <summary>
/// Our Modbus client, profile reader and poller against an independent peer: pymodbus serving registers
/// encoded by Python's struct module (low-word-first int32, float32/float64, SunSpec 203 and 213).
/// </summary>
public sealed class PymodbusMeterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, object> Reg(int fc, int address, string type, double value, string wordOrder = "big") => new()
    {
        ["fc"] = fc, ["address"] = address, ["type"] = type, ["value"] = value, ["wordOrder"] = wordOrder,
    };

    private static Dictionary<string, object?> Em24(bool withExport = true) => new Dictionary<string, object?>
    {
        ["unit"] = 1,
        ["registers"] = new List<Dictionary<string, object>>
        {
            Reg(4, 0, "int32", 2301, "little"), Reg(4, 2, "int32", 2302, "little"), Reg(4, 4, "int32", 2299, "little"),
            Reg(4, 12, "int32", 5123, "little"), Reg(4, 14, "int32", 16000, "little"), Reg(4, 16, "int32", 0, "little"),
            Reg(4, 18, "int32", 11500, "little"), Reg(4, 20, "int32", -2300, "little"), Reg(4, 22, "int32", 0, "little"),
            Reg(4, 40, "int32", 9200, "little"), Reg(4, 52, "int32", 12345, "little"),
        }.Concat(withExport ? [Reg(4, 78, "int32", 67, "little")] : []).ToList(),
    };

    private static async Task<MeterValues> ReadAsync(string profileId, int port, byte unit = 1)
    {
        await using var client = new ModbusTcpClient(new ModbusTcpClientOptions("127.0.0.1", port, unit));
        return await new MeterProfileReader(MeterProfileCatalog.BuiltIn.Find(profileId)!, client).ReadAsync(Ct);
    }

    [Fact]
    public async Task Reads_a_low_word_first_int32_meter()
    {
        await using var peer = await PymodbusMeter.StartAsync(Em24(), Ct);

        var values = await ReadAsync("cg-em24-e1", peer.Port);

        Assert.Equal(new MeterValues(5.123, 16, 0, 230.1, 230.2, 229.9, 1150, -230, 0, 920, 1_234_500, 6_700), values);
    }

    [Fact]
    public async Task Reads_a_float_meter_with_float64_tariff_sums()
    {
        var spec = new Dictionary<string, object?>
        {
            ["unit"] = 1,
            ["registers"] = new List<Dictionary<string, object>>
            {
                Reg(4, 1, "float32", 230.5), Reg(4, 3, "float32", 231.25), Reg(4, 5, "float32", 229.75),
                Reg(4, 13, "float32", 12.5), Reg(4, 15, "float32", 6.25), Reg(4, 17, "float32", 0.5),
                Reg(4, 25, "float32", 2881.25), Reg(4, 27, "float32", 1445.3125), Reg(4, 29, "float32", -114.875),
                Reg(4, 65, "float32", 4211.6875),
                Reg(4, 801, "float64", 1_000_000.5), Reg(4, 805, "float64", 250_000.25),
                Reg(4, 809, "float64", 12.5), Reg(4, 813, "float64", 0),
            },
        };
        await using var peer = await PymodbusMeter.StartAsync(spec, Ct);

        var values = await ReadAsync("siemens-pac2200", peer.Port);

        Assert.Equal(new MeterValues(12.5, 6.25, 0.5, 230.5, 231.25, 229.75, 2881.25, 1445.3125, -114.875, 4211.6875, 1_250_000.75, 12.5), values);
    }

    [Fact]
    public async Task Discovers_and_reads_sunspec_model_203_behind_a_66_register_common_model()
    {
        var spec = new Dictionary<string, object?>
        {
            ["unit"] = 1,
            ["sunspec"] = new Dictionary<string, object>
            {
                ["base"] = 40000, ["commonLength"] = 66, ["model"] = 203,
                ["points"] = new Dictionary<string, double>
                {
                    ["AphA"] = 1234, ["AphB"] = 567, ["AphC"] = 8, ["PhVphA"] = 2301, ["PhVphB"] = 2302, ["PhVphC"] = 2303,
                    ["W"] = 1904, ["WphA"] = 2840, ["WphB"] = -1304, ["WphC"] = 368, ["TotWhImp"] = 123_456, ["TotWhExp"] = 789,
                },
                ["scaleFactors"] = new Dictionary<string, int> { ["A_SF"] = -2, ["V_SF"] = -1, ["W_SF"] = 0, ["TotWh_SF"] = 1 },
            },
        };
        await using var peer = await PymodbusMeter.StartAsync(spec, Ct);
        await using var client = new ModbusTcpClient(new ModbusTcpClientOptions("127.0.0.1", peer.Port, 1));
        var reader = new MeterProfileReader(MeterProfileCatalog.BuiltIn.Find("keba-e10")!, client);

        var values = await reader.ReadAsync(Ct);

        Assert.Equal(new SunSpecModelLocation(40000, 203, 40070, 105), reader.SunSpecModel);
        Assert.Equal(new MeterValues(12.34, 5.67, 0.08, 230.1, 230.2, 230.3, 2840, -1304, 368, 1904, 1_234_560, 7_890), values);
    }

    [Fact]
    public async Task Discovers_and_reads_sunspec_model_213_on_unit_200()
    {
        var spec = new Dictionary<string, object?>
        {
            ["unit"] = 200,
            ["sunspec"] = new Dictionary<string, object>
            {
                ["base"] = 40000, ["commonLength"] = 65, ["model"] = 213,
                ["points"] = new Dictionary<string, double>
                {
                    ["AphA"] = 12.5, ["AphB"] = -0.94, ["AphC"] = 3.25, ["PhVphA"] = 230.5, ["PhVphB"] = 231, ["PhVphC"] = 229.5,
                    ["W"] = 2000.5, ["WphA"] = 2881.25, ["WphB"] = -216.5, ["WphC"] = 745.875, ["TotWhImp"] = 5_000_000, ["TotWhExp"] = 1234.5,
                },
            },
        };
        await using var peer = await PymodbusMeter.StartAsync(spec, Ct);

        var values = await ReadAsync("fronius-gen24-sm", peer.Port, 200);

        Assert.Equal(12.5, values.CurrentL1A);
        Assert.Equal(-0.94, values.CurrentL2A!.Value, 1e-6); // float32: export shows as negative current
        Assert.Equal(new MeterValues(12.5, values.CurrentL2A, 3.25, 230.5, 231, 229.5, 2881.25, -216.5, 745.875, 2000.5, 5_000_000, 1234.5), values);
    }

    [Fact]
    public async Task Treats_an_energy_register_the_meter_refuses_as_not_available()
    {
        await using var peer = await PymodbusMeter.StartAsync(Em24(withExport: false), Ct);

        var values = await ReadAsync("cg-em24-e1", peer.Port);

        Assert.Equal(5.123, values.CurrentL1A);
        Assert.Null(values.EnergyExportWh);
    }

    [Fact]
    public async Task Maps_pymodbus_exception_responses_to_sentences()
    {
        await using var peer = await PymodbusMeter.StartAsync(Em24(), Ct);

        var unmapped = await Assert.ThrowsAsync<ModbusException>(() => ReadAsync("tq-em300", peer.Port));
        Assert.Equal($"The meter at 127.0.0.1:{peer.Port} answered read holding registers (function 3) at address 0 with exception 2 (illegal data address).", unmapped.Message);

        await peer.SetModeAsync("exception");
        var failure = await Assert.ThrowsAsync<ModbusException>(() => ReadAsync("cg-em24-e1", peer.Port));
        Assert.Equal($"The meter at 127.0.0.1:{peer.Port} answered read input registers (function 4) at address 0 with exception 4 (server device failure).", failure.Message);
    }

    [Fact]
    public async Task Survives_garbage_and_a_connection_dropped_mid_request()
    {
        await using var peer = await PymodbusMeter.StartAsync(Em24(), Ct);
        await using var client = new ModbusTcpClient(new ModbusTcpClientOptions("127.0.0.1", peer.Port, 1));
        var reader = new MeterProfileReader(MeterProfileCatalog.BuiltIn.Find("cg-em24-e1")!, client);

        await peer.SetModeAsync("garbage");
        var garbage = await Assert.ThrowsAsync<ModbusException>(() => reader.ReadAsync(Ct));
        Assert.Equal(ModbusFailure.Malformed, garbage.Failure);

        await peer.SetModeAsync("drop");
        var dropped = await Assert.ThrowsAsync<ModbusException>(() => reader.ReadAsync(Ct));
        Assert.Equal($"The meter at 127.0.0.1:{peer.Port} closed the connection during read input registers (function 4) at address 0.", dropped.Message);

        await peer.SetModeAsync("normal");
        Assert.Equal(5.123, (await reader.ReadAsync(Ct)).CurrentL1A);
    }

    [Fact]
    public async Task Marks_the_meter_lost_when_it_stops_answering_so_the_allocator_uses_the_fallback()
    {
        await using var peer = await PymodbusMeter.StartAsync(Em24(), Ct);
        var settings = new GridMeterSettings
        {
            ProfileId = "cg-em24-e1", Host = "127.0.0.1", Port = peer.Port, FallbackPowerW = 4600,
            PollInterval = TimeSpan.FromMilliseconds(100), RequestTimeout = TimeSpan.FromMilliseconds(200),
            StaleAfter = TimeSpan.FromMilliseconds(400), LostAfter = TimeSpan.FromMilliseconds(900),
        };
        using var poller = new GridMeterPoller(MeterProfileCatalog.BuiltIn, TimeProvider.System, settings: settings);
        await poller.StartAsync(Ct);
        await Eventually.TrueAsync(() => poller.State == GridMeterState.Connected);
        Assert.Equal(5.123, poller.Latest!.CurrentA.L1);

        await peer.SetModeAsync("silent");
        await Eventually.TrueAsync(() => poller.State == GridMeterState.Lost);
        Assert.Null(poller.Snapshot.FreshReading);
        Assert.False(poller.Settings.StopsChargingWhenLost);
        Assert.Equal(4600, poller.Settings.FallbackPowerW);

        await peer.SetModeAsync("normal");
        await Eventually.TrueAsync(() => poller.State == GridMeterState.Connected);
        await poller.StopAsync(Ct);
    }

    [Fact]
    public async Task Prints_a_pymodbus_reading_from_the_command_line()
    {
        await using var peer = await PymodbusMeter.StartAsync(Em24(), Ct);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await OpenCpm.Cli.CommandLine.Build()
            .Parse(["meter", "read", "--profile", "cg-em24-e1", "--host", "127.0.0.1", "--port", peer.Port.ToString(CultureInfo.InvariantCulture)])
            .InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = output, Error = error }, Ct);

        Assert.Equal(0, exitCode);
        var json = System.Text.Json.Nodes.JsonNode.Parse(output.ToString())!;
        Assert.Equal(5.1, json["currentA"]!["l1"]!.GetValue<double>()); // 5.123 A read, printed to 0.1 A for people
        Assert.Equal(-230, json["powerW"]!["l2"]!.GetValue<double>());
        Assert.Equal(1_234_500, json["energyImportWh"]!.GetValue<double>());
    }
}
