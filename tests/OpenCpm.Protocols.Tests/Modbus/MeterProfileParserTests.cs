using OpenCpm.Protocols.Modbus;

namespace OpenCpm.Protocols.Tests.Modbus;

public sealed class MeterProfileParserTests
{
    private const string Point = """{ "fc": 4, "address": 12, "count": 2, "type": "int32", "wordOrder": "little", "scale": 0.001, "unit": "A" }""";

    public static string Valid(string id, string currentL1 = Point, string extra = "") => $$"""
        {
          "schema": "meter-profiles/v1",
          "id": "{{id}}",
          "vendor": "Acme",
          "model": "M1",
          "protocol": "register-map",
          "defaultPort": 502,
          "defaultUnitId": 1,
          {{extra}}
          "registers": {
            "currentL1": {{currentL1}},
            "currentL2": { "fc": 4, "address": 14, "type": "int32" },
            "currentL3": { "fc": 4, "address": 16, "type": "int32" },
            "voltageL1": { "missing": true },
            "voltageL2": { "missing": true },
            "voltageL3": { "missing": true },
            "powerL1": { "compute": "plusMinusMinus", "plus": { "fc": 3, "address": 40, "type": "uint32" }, "minus": { "fc": 3, "address": 42, "type": "uint32" } },
            "powerL2": { "fc": 4, "address": 20, "type": "float32", "unverified": true },
            "powerL3": { "fc": 4, "address": 22, "type": "float32" },
            "powerTotal": { "fc": 4, "address": 40, "type": "float32" },
            "energyImportTotal": { "compute": "sum", "terms": [ { "fc": 4, "address": 801, "type": "float64" }, { "fc": 4, "address": 805, "type": "float64" } ] },
            "energyExportTotal": { "fc": 4, "address": 100, "type": "int16", "exponentRegister": { "fc": 4, "address": 110, "type": "int16" } }
          }
        }
        """;

    [Fact]
    public void Reads_every_kind_of_point()
    {
        var profile = MeterProfileParser.Parse(Valid("acme-m1"), "acme.json");

        Assert.Equal(("acme-m1", "Acme", "M1", 502, (byte?)1), (profile.Id, profile.Vendor, profile.Model, profile.DefaultPort, profile.DefaultUnitId));
        Assert.Equal(new RegisterValue(ModbusFunction.ReadInputRegisters, 12, RegisterType.Int32, WordOrder.Little, 0.001), profile.Points[MeterQuantity.CurrentL1].Terms[0]);
        Assert.Equal(MeterPointKind.Missing, profile.Points[MeterQuantity.VoltageL1].Kind);
        Assert.Equal(MeterPointKind.PlusMinusMinus, profile.Points[MeterQuantity.PowerL1].Kind);
        Assert.Equal(MeterPointKind.Sum, profile.Points[MeterQuantity.EnergyImportTotal].Kind);
        Assert.Equal(110, profile.Points[MeterQuantity.EnergyExportTotal].Terms[0].ExponentRegister!.Address);
        Assert.True(profile.Points[MeterQuantity.PowerL2].Unverified);
        Assert.True(profile.Unverified);
    }

    public static TheoryData<string, string> BadFiles => new()
    {
        { Valid("x", """{ "fc": 5, "address": 12, "type": "int32" }"""), "'registers.currentL1.fc' must be 3 or 4 but was 5." },
        { Valid("x", """{ "fc": 4, "address": 12, "type": "int24" }"""), "'registers.currentL1.type' must be one of int16, uint16, int32, uint32, int64, uint64, float32, float64 but was \"int24\"." },
        { Valid("x", """{ "fc": 4, "address": 12, "count": 1, "type": "int32" }"""), "'registers.currentL1.count' must be 2 for type int32 but was 1." },
        { Valid("x", """{ "fc": 4, "address": 12, "type": "int32", "wordOrder": "middle" }"""), "'registers.currentL1.wordOrder' must be \"big\" or \"little\" but was \"middle\"." },
        { Valid("x", """{ "fc": 4, "address": 70000, "type": "int32" }"""), "'registers.currentL1.address' must be 0..65535 but was 70000." },
        { Valid("x", """{ "fc": 4, "address": 65535, "type": "int32" }"""), "'registers.currentL1.address' leaves no room for 2 registers but was 65535." },
        { Valid("x", """{ "fc": 4, "address": "12", "type": "int32" }"""), "'registers.currentL1.address' must be an integer but was \"12\"." },
        { Valid("x", """{ "fc": 4, "type": "int32" }"""), "'registers.currentL1.address' is missing." },
        { Valid("x", """{ "fc": 4, "address": 12, "type": "int32", "scale": 0 }"""), "'registers.currentL1.scale' must be a non-zero number but was 0." },
        { Valid("x", """{ "fc": 4, "address": 12, "type": "int32", "scale": null }"""), "'registers.currentL1.scale' is null but the value is not marked \"unverified\"." },
        { Valid("x", """{ "fc": 4, "address": 12, "type": "int16", "exponentRegister": { "fc": 4, "address": 13, "type": "uint16" } }"""), "'registers.currentL1.exponentRegister.type' must be int16 but was uint16." },
        { Valid("x", """{ "compute": "product", "terms": [] }"""), "'registers.currentL1.compute' must be \"plusMinusMinus\" or \"sum\" but was \"product\"." },
        { Valid("x", """{ "compute": "sum", "terms": [] }"""), "'registers.currentL1.terms' must be a non-empty array but was array." },
        { Valid("x", """{ "compute": "plusMinusMinus", "plus": { "fc": 3, "address": 0, "type": "uint32" } }"""), "'registers.currentL1.minus' is missing." },
        { Valid("x", """{ "sunspecPoint": "AphA" }"""), "'registers.currentL1.sunspecPoint' is only allowed when 'protocol' is \"sunspec\"." },
        { Valid("x", """{ "missing": "yes" }"""), "'registers.currentL1.missing' must be true or false but was \"yes\"." },
        { Valid("x", "[]"), "'registers.currentL1' must be an object but was array." },
        { Valid("Bad Id"), "'id' must be lower-case letters, digits and '-' but was \"Bad Id\"." },
        { Valid("x").Replace("\"register-map\"", "\"rtu\"", StringComparison.Ordinal), "'protocol' must be \"register-map\" or \"sunspec\" but was \"rtu\"." },
        { Valid("x").Replace("\"defaultPort\": 502", "\"defaultPort\": 0", StringComparison.Ordinal), "'defaultPort' must be 1..65535 but was 0." },
        { Valid("x").Replace("\"defaultUnitId\": 1", "\"defaultUnitId\": 300", StringComparison.Ordinal), "'defaultUnitId' must be 0..255 but was 300." },
        { Valid("x").Replace("\"vendor\": \"Acme\",", "", StringComparison.Ordinal), "'vendor' is missing." },
        { Valid("x", extra: "\"powerSign\": { \"positive\": \"sideways\" },"), "'powerSign.positive' must start with \"import\" or \"export\" but was \"sideways\"." },
        { Valid("x", extra: "\"maxRegistersPerRead\": 200,"), "'maxRegistersPerRead' must be 1..125 but was 200." },
        { Valid("x").Replace("\"energyExportTotal\"", "\"energyExport\"", StringComparison.Ordinal), "'registers.energyExportTotal' is missing (write {\"missing\": true} when the meter has no such value)." },
        { "[1, 2]", "'(root)' must be an object but was array." },
    };

    [Theory, MemberData(nameof(BadFiles))]
    public void Refuses_a_bad_profile_with_a_sentence_naming_file_and_field(string json, string error) =>
        Assert.Equal($"Meter profile 'bad.json': {error}", Assert.Throws<MeterProfileException>(() => MeterProfileParser.Parse(json, "bad.json")).Message);

    [Fact]
    public void Refuses_text_that_is_not_json() =>
        Assert.Equal(
            "Meter profile 'bad.json' is not valid JSON (line 1).",
            Assert.Throws<MeterProfileException>(() => MeterProfileParser.Parse("{ id: ", "bad.json")).Message);

    [Fact]
    public void Refuses_a_sunspec_profile_with_an_unknown_point()
    {
        var json = """
            { "id": "s", "vendor": "V", "model": "M", "protocol": "sunspec",
              "registers": { "currentL1": { "sunspecPoint": "AphZ" } } }
            """;
        Assert.StartsWith(
            "Meter profile 'bad.json': 'registers.currentL1.sunspecPoint' must be one of A, AphA,",
            Assert.Throws<MeterProfileException>(() => MeterProfileParser.Parse(json, "bad.json")).Message);
    }

    [Fact]
    public void Reads_an_export_positive_sign_convention()
    {
        var profile = MeterProfileParser.Parse(Valid("x", extra: "\"powerSign\": { \"positive\": \"export\", \"unverified\": false },"), "x.json");
        Assert.False(profile.PowerPositiveIsImport);
    }
}
