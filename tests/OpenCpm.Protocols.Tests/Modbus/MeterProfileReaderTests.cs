using OpenCpm.Protocols.Modbus;

namespace OpenCpm.Protocols.Tests.Modbus;

/// <summary>Golden register images (hand-written words) decoded through the built-in profiles.</summary>
public sealed class MeterProfileReaderTests
{
    private static MeterProfile Profile(string id) => MeterProfileCatalog.BuiltIn.Find(id)!;

    [Fact]
    public async Task Reads_a_low_word_first_int32_meter_in_five_requests()
    {
        // Carlo Gavazzi EM24: FC 4, INT32 with the least significant word first.
        var map = new RegisterMap()
            .Input(0, 0x08FD, 0, 0x08FC, 0, 0x0900, 0) // 230.1, 230.0, 230.4 V
            .Input(12, 0x1403, 0, 0x0000, 0, 0xFFFF, 0xFFFF, // 5.123 A, 0 A, -0.001 A
                0x2CEC, 0, 0xD314, 0xFFFF, 0, 0) // 1150.0 W, -1150.0 W, 0 W
            .Input(40, 0x0000, 0x0000)
            .Input(52, 0x2710, 0x0000) // 10000 × 100 Wh
            .Input(78, 0x0001, 0x0001); // 65537 × 100 Wh
        var reader = new MeterProfileReader(Profile("cg-em24-e1"), map);

        var values = await reader.ReadAsync(TestContext.Current.CancellationToken);

        Assert.Equal(new MeterValues(5.123, 0, -0.001, 230.1, 230, 230.4, 1150, -1150, 0, 0, 1_000_000, 6_553_700), values);
        Assert.Equal(
            [(ModbusFunction.ReadInputRegisters, (ushort)0, (ushort)6), (ModbusFunction.ReadInputRegisters, 12, 12),
             (ModbusFunction.ReadInputRegisters, 40, 2), (ModbusFunction.ReadInputRegisters, 52, 2), (ModbusFunction.ReadInputRegisters, 78, 2)],
            map.Requests);
    }

    [Fact]
    public async Task Treats_a_refused_energy_register_as_not_available()
    {
        var map = new RegisterMap()
            .Input(0, new ushort[6])
            .Input(12, new ushort[12])
            .Input(40, 0x03E8, 0)
            .Input(52, 0x0001, 0x0000);
        var values = await new MeterProfileReader(Profile("cg-em24-e1"), map).ReadAsync(TestContext.Current.CancellationToken);

        Assert.Equal(100, values.PowerTotalW);
        Assert.Equal(100, values.EnergyImportWh);
        Assert.Null(values.EnergyExportWh);
    }

    [Fact]
    public async Task Fails_when_a_current_register_is_refused()
    {
        var map = new RegisterMap().Input(0, new ushort[6]);
        var e = await Assert.ThrowsAsync<ModbusException>(() => new MeterProfileReader(Profile("cg-em24-e1"), map).ReadAsync(TestContext.Current.CancellationToken));
        Assert.Equal(ModbusExceptionCodes.IllegalDataAddress, e.ExceptionCode);
    }

    [Fact]
    public async Task Reads_a_float_meter()
    {
        // Siemens PAC2200: FC 4 float32, energy as sum of two float64 tariff registers.
        var map = new RegisterMap()
            .Input(1, 0x4366, 0x8000, 0x4366, 0x8000, 0x4366, 0x8000) // 230.5 V
            .Input(13, 0x4148, 0x0000, 0xBFC0, 0x0000, 0x0000, 0x0000) // 12.5, -1.5, 0 A
            .Input(25, 0x4366, 0x8000, 0, 0, 0, 0)
            .Input(65, 0x4493, 0x5000) // 1178.5 W
            .Input(801, 0x4093, 0x4A00, 0, 0, 0x4093, 0x4A00, 0, 0, 0x4093, 0x4A00, 0, 0, 0, 0, 0, 0);
        var values = await new MeterProfileReader(Profile("siemens-pac2200"), map).ReadAsync(TestContext.Current.CancellationToken);

        Assert.Equal(new MeterValues(12.5, -1.5, 0, 230.5, 230.5, 230.5, 230.5, 0, 0, 1178.5, 2469, 1234.5), values);
    }

    [Fact]
    public async Task Reads_mantissa_and_exponent_registers()
    {
        // Gossen Metrawatt EM228X: int16 mantissas with shared int16 exponent registers.
        var map = new RegisterMap()
            .Input(4, 2301, 2302, 2303).Input(12, unchecked((ushort)-1))
            .Input(100, 1234, 0, 0x8000).Input(108, unchecked((ushort)-2))
            .Input(200, 25, 0, 0, 25).Input(212, 2)
            .Input(300, 0x0001, 0x0000, 0x0000, 0x0064).Input(310, 1);
        var values = await new MeterProfileReader(Profile("gmc-energymid-em228x-em238x"), map).ReadAsync(TestContext.Current.CancellationToken);

        Assert.Equal(new MeterValues(12.34, 0, null, 230.1, 230.2, 230.3, 2500, 0, 0, 2500, 655_360, 1000), values);
    }

    [Fact]
    public async Task Nets_separate_import_and_export_power_registers()
    {
        // TQ EM300: P+ and P− as unsigned registers, net = P+ − P−.
        var map = new RegisterMap()
            .Holding(0, 0, 0, 0, 12345) // P+ 0, P− 1234.5 W
            .Holding(40, 0, 23000, 0, 0) // L1 P+ 2300 W
            .Holding(60, 0, 10000, 0x0003, 0x8270) // 10 A, 230.0 V
            .Holding(80, 0, 0, 0, 0).Holding(100, 0, 0, 0x0003, 0x8270)
            .Holding(120, 0, 0, 0, 0).Holding(140, 0, 0, 0x0003, 0x8270)
            .Holding(512, 0, 0, 0, 50, 0, 0, 0, 7);
        var reader = new MeterProfileReader(Profile("tq-em300"), map);
        var values = await reader.ReadAsync(TestContext.Current.CancellationToken);

        Assert.Equal(new MeterValues(10, 0, 0, 230, 230, 230, 2300, 0, 0, -1234.5, 5, 0.7), values);
        Assert.Equal(8, reader.Plan.Count);
    }

    [Fact]
    public async Task Discovers_sunspec_int_model_203_behind_a_common_model_of_length_66()
    {
        var map = SunSpec(40000, commonLength: 66)
            .Holding(40070, Model203())
            .Holding(40070 + 107, 0xFFFF, 0);
        var reader = new MeterProfileReader(Profile("keba-e10"), map);

        var values = await reader.ReadAsync(TestContext.Current.CancellationToken);

        Assert.Equal(new SunSpecModelLocation(40000, 203, 40070, 105), reader.SunSpecModel);
        Assert.Equal(new MeterValues(12.34, 0.5, null, 230.1, 230.2, 230.3, 25000, 8000, 8000, null, 1_234_560, null), values);
    }

    [Fact]
    public async Task Discovers_sunspec_float_model_213_at_base_0_when_40000_is_refused()
    {
        var model = new ushort[126];
        model[0] = 213;
        model[1] = 124;
        Float(model, 4, 12.5f);
        Float(model, 6, 1.5f);
        Float(model, 8, 0f);
        Float(model, 12, 230.5f);
        Float(model, 14, 231f);
        Float(model, 16, 229.5f);
        Float(model, 28, float.NaN);
        Float(model, 30, -2875f);
        Float(model, 60, 100f);
        Float(model, 68, 2000.5f);
        var map = SunSpec(0, commonLength: 65).Holding(69, model).Holding(69 + 126, 0xFFFF, 0);
        var reader = new MeterProfileReader(Profile("fronius-gen24-sm"), map);

        var values = await reader.ReadAsync(TestContext.Current.CancellationToken);

        Assert.Equal(213, reader.SunSpecModel!.ModelId);
        Assert.Equal(new MeterValues(12.5, 1.5, 0, 230.5, 231, 229.5, -2875, 0, 0, null, 2000.5, 100), values);
        Assert.Equal((ModbusFunction.ReadHoldingRegisters, (ushort)69, (ushort)76), map.Requests[^1]);
    }

    [Fact]
    public async Task Skips_non_meter_models_in_the_header_walk()
    {
        var map = SunSpec(50000, commonLength: 65)
            .Holding(50069, 120, 26).Holding(50071, new ushort[26]) // model 120 (nameplate), L = 26
            .Holding(50097, Model203())
            .Holding(50097 + 107, 0xFFFF, 0);
        var reader = new MeterProfileReader(Profile("keba-e10"), map);

        await reader.ReadAsync(TestContext.Current.CancellationToken);

        Assert.Equal(new SunSpecModelLocation(50000, 203, 50097, 105), reader.SunSpecModel);
    }

    [Fact]
    public async Task Reports_a_device_without_sunspec_marker_in_one_sentence()
    {
        var map = new RegisterMap().Holding(40000, 0x1234, 0x5678);
        var e = await Assert.ThrowsAsync<ModbusException>(() => new MeterProfileReader(Profile("keba-e10"), map).ReadAsync(TestContext.Current.CancellationToken));
        Assert.Equal("The meter has no SunSpec marker \"SunS\" at address 40000, 0 or 50000.", e.Message);
    }

    [Fact]
    public async Task Reports_a_sunspec_device_without_meter_model()
    {
        var map = SunSpec(40000, commonLength: 65).Holding(40069, 0xFFFF, 0);
        var e = await Assert.ThrowsAsync<ModbusException>(() => new MeterProfileReader(Profile("keba-e10"), map).ReadAsync(TestContext.Current.CancellationToken));
        Assert.Equal("The SunSpec device at base address 40000 has no meter model (201–204 or 211–214).", e.Message);
    }

    private static RegisterMap SunSpec(int baseAddress, ushort commonLength) =>
        new RegisterMap().Holding(baseAddress, 0x5375, 0x6E53, 1, commonLength).Holding(baseAddress + 4, new ushort[commonLength]);

    private static ushort[] Model203()
    {
        var model = new ushort[107];
        model[0] = 203;
        model[1] = 105;
        model.AsSpan(2, 53).Fill(0x8000);
        model[3] = 1234; // AphA
        model[4] = 50; // AphB
        model[6] = unchecked((ushort)-2); // A_SF
        (model[8], model[9], model[10]) = (2301, 2302, 2303);
        model[15] = unchecked((ushort)-1); // V_SF
        (model[19], model[20], model[21]) = (2500, 800, 800); // W stays 0x8000 (not implemented)
        model[22] = 1; // W_SF
        model.AsSpan(38, 16).Clear();
        (model[46], model[47]) = (0x0001, 0xE240); // TotWhImp 123456
        model[54] = 1; // TotWh_SF: TotWhExp is 0 = not implemented
        return model;
    }

    private static void Float(ushort[] model, int offset, float value) =>
        RegisterCodec.Encode(value, RegisterType.Float32, WordOrder.Big, model.AsSpan(offset));
}
