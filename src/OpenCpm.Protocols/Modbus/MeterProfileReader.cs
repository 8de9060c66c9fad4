using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace OpenCpm.Protocols.Modbus;

/// <summary>
/// Reads one <see cref="MeterValues"/> from a meter described by a <see cref="MeterProfile"/>: the generic reader
/// for every profile (register maps with word order, scale, exponent and factor registers, plus/minus and sum
/// terms; SunSpec with discovery). Not thread-safe: one reader per meter connection.
/// </summary>
public sealed class MeterProfileReader(MeterProfile profile, IModbusRegisterReader registers, ILogger? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;
    private readonly IReadOnlyList<RegisterBlock> _plan = profile.Protocol == MeterProfileProtocol.RegisterMap ? ReadPlan.For(profile) : [];
    private SunSpecModelLocation? _sunSpecModel;

    public MeterProfile Profile { get; } = profile;

    /// <summary>The requests one reading makes (register-map profiles).</summary>
    public IReadOnlyList<RegisterBlock> Plan => _plan;

    /// <summary>The SunSpec model found by the last discovery, if any.</summary>
    public SunSpecModelLocation? SunSpecModel => _sunSpecModel;

    public async Task<MeterValues> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            var values = Profile.Protocol == MeterProfileProtocol.SunSpec
                ? await ReadSunSpecAsync(cancellationToken)
                : await ReadRegisterMapAsync(cancellationToken);
            return ApplySign(values);
        }
        catch (ModbusException e) when (e.Failure is ModbusFailure.Connection or ModbusFailure.Timeout)
        {
            // The meter may come back with another layout (firmware update); discover again next time.
            _sunSpecModel = null;
            throw;
        }
    }

    private async Task<Dictionary<MeterQuantity, double?>> ReadSunSpecAsync(CancellationToken cancellationToken)
    {
        if (_sunSpecModel is null)
        {
            _sunSpecModel = await SunSpecDiscovery.DiscoverAsync(registers, cancellationToken);
            ModbusLog.SunSpecModelFound(_logger, _sunSpecModel.ModelId, _sunSpecModel.ModelAddress, _sunSpecModel.BaseAddress);
        }

        var model = _sunSpecModel;
        var count = SunSpecMeterModel.IsFloatModel(model.ModelId) ? SunSpecMeterModel.FloatReadCount : SunSpecMeterModel.IntReadCount;
        var words = await registers.ReadRegistersAsync(ModbusFunction.ReadHoldingRegisters, model.ModelAddress, (ushort)count, cancellationToken);
        if (words[0] != model.ModelId)
        {
            _sunSpecModel = null;
            throw new ModbusException(
                $"SunSpec model at address {model.ModelAddress} changed from {model.ModelId} to {words[0]}.", ModbusFailure.Malformed);
        }

        var values = new Dictionary<MeterQuantity, double?>();
        foreach (var (quantity, point) in Profile.Points)
        {
            values[quantity] = point.SunSpecPoint is { } name
                ? SunSpecMeterModel.Decode(words, model.ModelId, SunSpecMeterModel.Point(name))
                : null;
        }

        return values;
    }

    private async Task<Dictionary<MeterQuantity, double?>> ReadRegisterMapAsync(CancellationToken cancellationToken)
    {
        var image = new List<(RegisterBlock Block, ushort[]? Words)>(_plan.Count);
        foreach (var block in _plan)
        {
            try
            {
                image.Add((block, await registers.ReadRegistersAsync(block.Function, block.Address, block.Count, cancellationToken)));
            }
            catch (ModbusException e) when (block.Optional && e.ExceptionCode == ModbusExceptionCodes.IllegalDataAddress)
            {
                ModbusLog.ValueNotAvailable(_logger, block.Address, e.Message);
                image.Add((block, null));
            }
        }

        var values = new Dictionary<MeterQuantity, double?>();
        foreach (var (quantity, point) in Profile.Points)
        {
            values[quantity] = point.Kind switch
            {
                MeterPointKind.Register => Evaluate(image, point.Terms[0]),
                MeterPointKind.PlusMinusMinus => Evaluate(image, point.Terms[0]) - Evaluate(image, point.Terms[1]),
                MeterPointKind.Sum => point.Terms.Aggregate((double?)0, (sum, term) => sum + Evaluate(image, term)),
                _ => null,
            };
        }

        return values;
    }

    private static double? Evaluate(List<(RegisterBlock Block, ushort[]? Words)> image, RegisterValue value)
    {
        var words = Find(image, value);
        if (words.IsEmpty)
        {
            return null;
        }

        var raw = RegisterCodec.Decode(words, value.Type, value.WordOrder);
        if (double.IsNaN(raw))
        {
            return null;
        }

        if (value.ExponentRegister is { } exponentRegister)
        {
            // Mantissa 0x8000 means "undefined" for exponent-coded values (Gossen EM228X).
            if (value.Type == RegisterType.Int16 && words[0] == 0x8000)
            {
                return null;
            }

            var exponentWords = Find(image, exponentRegister);
            if (exponentWords.IsEmpty)
            {
                return null;
            }

            raw = Scaling.PowerOfTen(raw, (short)exponentWords[0]);
        }
        else if (value.FactorRegister is { } factorRegister)
        {
            var factor = Evaluate(image, factorRegister);
            if (factor is null)
            {
                return null;
            }

            raw *= factor.Value;
        }

        return Scaling.Apply(raw, value.Scale);
    }

    private static ReadOnlySpan<ushort> Find(List<(RegisterBlock Block, ushort[]? Words)> image, RegisterValue value)
    {
        foreach (var (block, words) in image)
        {
            if (block.Function == value.Function && value.Address >= block.Address && value.Address + value.Count <= block.Address + block.Count)
            {
                return words is null ? default : words.AsSpan(value.Address - block.Address, value.Count);
            }
        }

        return default;
    }

    private MeterValues ApplySign(Dictionary<MeterQuantity, double?> values)
    {
        if (!Profile.PowerPositiveIsImport)
        {
            foreach (var quantity in new[] { MeterQuantity.PowerL1, MeterQuantity.PowerL2, MeterQuantity.PowerL3, MeterQuantity.PowerTotal })
            {
                values[quantity] = -values[quantity];
            }
        }

        return MeterValues.From(values);
    }
}
