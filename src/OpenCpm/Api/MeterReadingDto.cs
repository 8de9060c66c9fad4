using OpenCpm.Meter;

namespace OpenCpm.Api;

/// <summary>One grid-meter sample, in the shape of <c>opencpm meter read</c>.</summary>
internal sealed record MeterReadingDto(
    DateTimeOffset ReadAt,
    PhaseCurrentsDto CurrentA,
    PhaseValuesDto VoltageV,
    PhaseValuesDto PowerW,
    double? PowerTotalW,
    double? EnergyImportWh,
    double? EnergyExportWh)
{
    public static MeterReadingDto From(GridMeterReading r) => new(
        r.Timestamp,
        PhaseCurrentsDto.From(r.CurrentA),
        PhaseValuesDto.Volts(r.VoltageV),
        PhaseValuesDto.Watts(r.PowerW),
        Rounding.Watts(r.PowerTotalW),
        Rounding.WattHours(r.EnergyImportWh),
        Rounding.WattHours(r.EnergyExportWh));
}
