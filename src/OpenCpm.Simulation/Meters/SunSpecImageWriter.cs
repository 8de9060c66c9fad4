using OpenCpm.Protocols.Modbus;

namespace OpenCpm.Simulation.Meters;

/// <summary>Writes a SunSpec register layout: "SunS", common model 1, one meter model (2xx/21x) and the end model.</summary>
internal static class SunSpecImageWriter
{
    public static void Write(SunSpecLayout layout, MeterProfile profile, MeterValues values, Action<ushort, ushort> write)
    {
        var address = layout.BaseAddress;
        write(address, SunSpecMeterModel.Marker0);
        write((ushort)(address + 1), SunSpecMeterModel.Marker1);

        var common = (ushort)(address + 2);
        write(common, SunSpecMeterModel.CommonModelId);
        write((ushort)(common + 1), layout.CommonModelLength);
        var commonBody = new ushort[layout.CommonModelLength];
        WriteString(commonBody.AsSpan(0, 16), "OpenCPM");
        WriteString(commonBody.AsSpan(16, 16), "Simulated " + profile.Id);
        WriteString(commonBody.AsSpan(40, 8), "1.0");
        WriteString(commonBody.AsSpan(48, 16), "SIM-0001");
        commonBody[64] = 1;
        for (var i = 0; i < commonBody.Length; i++)
        {
            write((ushort)(common + 2 + i), commonBody[i]);
        }

        var isFloat = SunSpecMeterModel.IsFloatModel(layout.ModelId);
        var length = isFloat ? SunSpecMeterModel.FloatModelLength : SunSpecMeterModel.IntModelLength;
        var model = new ushort[2 + length];
        model[0] = layout.ModelId;
        model[1] = (ushort)length;
        if (isFloat)
        {
            WriteFloatModel(model, values);
        }
        else
        {
            WriteIntModel(model, values);
        }

        for (var i = 0; i < model.Length; i++)
        {
            write((ushort)(layout.ModelAddress + i), model[i]);
        }

        var end = (ushort)(layout.ModelAddress + model.Length);
        write(end, SunSpecMeterModel.EndModelId);
        write((ushort)(end + 1), 0);
    }

    private static void WriteFloatModel(ushort[] model, MeterValues values)
    {
        for (var offset = 2; offset + 1 < model.Length; offset += 2)
        {
            RegisterCodec.Encode(double.NaN, RegisterType.Float32, WordOrder.Big, model.AsSpan(offset));
        }

        foreach (var (point, value) in PointValues(values))
        {
            RegisterCodec.Encode(value ?? double.NaN, RegisterType.Float32, WordOrder.Big, model.AsSpan(point.FloatOffset));
        }
    }

    private static void WriteIntModel(ushort[] model, MeterValues values)
    {
        model.AsSpan(2).Fill(0x8000);
        model.AsSpan(38, 16).Clear(); // acc32 energies: 0 = not implemented
        var groups = PointValues(values).GroupBy(p => p.Point.ScaleFactorOffset);
        foreach (var group in groups)
        {
            var accumulator = group.First().Point.IsAccumulator;
            var present = group.Where(p => p.Value is not null).Select(p => p.Value!.Value).ToList();
            var scaleFactor = accumulator ? 0 : ChooseExponent(present, short.MaxValue - 1, -3);
            model[group.Key] = (ushort)(short)scaleFactor;
            foreach (var (point, value) in group)
            {
                if (value is null)
                {
                    continue;
                }

                var raw = Scaling.PowerOfTen(value.Value, -scaleFactor);
                if (accumulator)
                {
                    RegisterCodec.Encode(Math.Clamp(Math.Round(raw), 0, uint.MaxValue), RegisterType.UInt32, WordOrder.Big, model.AsSpan(point.IntOffset));
                }
                else
                {
                    RegisterCodec.Encode(raw, RegisterType.Int16, WordOrder.Big, model.AsSpan(point.IntOffset));
                }
            }
        }
    }

    /// <summary>The smallest power-of-ten exponent (from <paramref name="minimum"/>) at which every value fits <paramref name="limit"/>.</summary>
    internal static int ChooseExponent(IReadOnlyList<double> values, double limit, int minimum)
    {
        var exponent = minimum;
        while (exponent < 9 && values.Any(v => Math.Abs(Math.Round(Scaling.PowerOfTen(v, -exponent))) > limit))
        {
            exponent++;
        }

        return exponent;
    }

    private static IEnumerable<(SunSpecPoint Point, double? Value)> PointValues(MeterValues values)
    {
        var totalCurrent = values.CurrentL1A + values.CurrentL2A + values.CurrentL3A;
        yield return (SunSpecMeterModel.Point("A"), totalCurrent);
        yield return (SunSpecMeterModel.Point("AphA"), values.CurrentL1A);
        yield return (SunSpecMeterModel.Point("AphB"), values.CurrentL2A);
        yield return (SunSpecMeterModel.Point("AphC"), values.CurrentL3A);
        yield return (SunSpecMeterModel.Point("PhVphA"), values.VoltageL1V);
        yield return (SunSpecMeterModel.Point("PhVphB"), values.VoltageL2V);
        yield return (SunSpecMeterModel.Point("PhVphC"), values.VoltageL3V);
        yield return (SunSpecMeterModel.Point("Hz"), 50.0);
        yield return (SunSpecMeterModel.Point("W"), values.PowerTotalW);
        yield return (SunSpecMeterModel.Point("WphA"), values.PowerL1W);
        yield return (SunSpecMeterModel.Point("WphB"), values.PowerL2W);
        yield return (SunSpecMeterModel.Point("WphC"), values.PowerL3W);
        yield return (SunSpecMeterModel.Point("TotWhExp"), values.EnergyExportWh);
        yield return (SunSpecMeterModel.Point("TotWhImp"), values.EnergyImportWh);
    }

    private static void WriteString(Span<ushort> registers, string text)
    {
        for (var i = 0; i < registers.Length; i++)
        {
            var high = 2 * i < text.Length ? (byte)text[2 * i] : (byte)0;
            var low = (2 * i) + 1 < text.Length ? (byte)text[(2 * i) + 1] : (byte)0;
            registers[i] = (ushort)((high << 8) | low);
        }
    }
}
