namespace OpenCpm.Protocols.Modbus;

/// <summary>
/// SunSpec discovery: "SunS" at 40000 (then 0, then 50000), then the model header walk (ID, L; next header at
/// header + 2 + L) until the first meter model 201–204 or 211–214 or the end model 0xFFFF.
/// </summary>
public static class SunSpecDiscovery
{
    private const int MaxModels = 64;

    public static async Task<SunSpecModelLocation> DiscoverAsync(IModbusRegisterReader reader, CancellationToken cancellationToken)
    {
        foreach (var baseAddress in SunSpecMeterModel.BaseAddresses)
        {
            ushort[] marker;
            try
            {
                marker = await reader.ReadRegistersAsync(ModbusFunction.ReadHoldingRegisters, baseAddress, 2, cancellationToken);
            }
            catch (ModbusException e) when (e.Failure == ModbusFailure.ExceptionResponse)
            {
                continue;
            }

            if (marker[0] == SunSpecMeterModel.Marker0 && marker[1] == SunSpecMeterModel.Marker1)
            {
                return await WalkAsync(reader, baseAddress, cancellationToken);
            }
        }

        throw new ModbusException(
            "The meter has no SunSpec marker \"SunS\" at address 40000, 0 or 50000.", ModbusFailure.Malformed);
    }

    private static async Task<SunSpecModelLocation> WalkAsync(IModbusRegisterReader reader, ushort baseAddress, CancellationToken cancellationToken)
    {
        var address = baseAddress + 2;
        for (var i = 0; i < MaxModels && address + 2 <= 65536; i++)
        {
            var header = await reader.ReadRegistersAsync(ModbusFunction.ReadHoldingRegisters, (ushort)address, 2, cancellationToken);
            var (id, length) = (header[0], header[1]);
            if (id == SunSpecMeterModel.EndModelId)
            {
                break;
            }

            if (SunSpecMeterModel.IsMeterModel(id))
            {
                var expected = SunSpecMeterModel.IsFloatModel(id) ? SunSpecMeterModel.FloatReadCount : SunSpecMeterModel.IntReadCount;
                if (length + 2 < expected || address + expected > 65536)
                {
                    throw new ModbusException(
                        $"SunSpec model {id} at address {address} has 'L' {length}, too short for its points.", ModbusFailure.Malformed);
                }

                return new SunSpecModelLocation(baseAddress, id, (ushort)address, length);
            }

            address += 2 + length;
        }

        throw new ModbusException(
            $"The SunSpec device at base address {baseAddress} has no meter model (201–204 or 211–214).", ModbusFailure.Malformed);
    }
}
