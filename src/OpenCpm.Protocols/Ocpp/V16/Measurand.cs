using System.Text.Json.Serialization;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>Measurand, used in MeterValues.req, StopTransaction.req.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Measurand>))]
public enum Measurand
{
    [JsonStringEnumMemberName("Energy.Active.Export.Register")]
    EnergyActiveExportRegister,
    [JsonStringEnumMemberName("Energy.Active.Import.Register")]
    EnergyActiveImportRegister,
    [JsonStringEnumMemberName("Energy.Reactive.Export.Register")]
    EnergyReactiveExportRegister,
    [JsonStringEnumMemberName("Energy.Reactive.Import.Register")]
    EnergyReactiveImportRegister,
    [JsonStringEnumMemberName("Energy.Active.Export.Interval")]
    EnergyActiveExportInterval,
    [JsonStringEnumMemberName("Energy.Active.Import.Interval")]
    EnergyActiveImportInterval,
    [JsonStringEnumMemberName("Energy.Reactive.Export.Interval")]
    EnergyReactiveExportInterval,
    [JsonStringEnumMemberName("Energy.Reactive.Import.Interval")]
    EnergyReactiveImportInterval,
    [JsonStringEnumMemberName("Power.Active.Export")]
    PowerActiveExport,
    [JsonStringEnumMemberName("Power.Active.Import")]
    PowerActiveImport,
    [JsonStringEnumMemberName("Power.Offered")]
    PowerOffered,
    [JsonStringEnumMemberName("Power.Reactive.Export")]
    PowerReactiveExport,
    [JsonStringEnumMemberName("Power.Reactive.Import")]
    PowerReactiveImport,
    [JsonStringEnumMemberName("Power.Factor")]
    PowerFactor,
    [JsonStringEnumMemberName("Current.Import")]
    CurrentImport,
    [JsonStringEnumMemberName("Current.Export")]
    CurrentExport,
    [JsonStringEnumMemberName("Current.Offered")]
    CurrentOffered,
    Voltage,
    Frequency,
    Temperature,
    SoC,
    RPM,
}
