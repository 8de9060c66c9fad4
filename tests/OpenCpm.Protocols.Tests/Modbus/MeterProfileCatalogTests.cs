using OpenCpm.Protocols.Modbus;
using OpenCpm.Tests.Shared;

namespace OpenCpm.Protocols.Tests.Modbus;

public sealed class MeterProfileCatalogTests
{
    /// <summary>The ids of shared/specs/meter-profiles.json (the KEBA M20 meter list).</summary>
    public static TheoryData<string> SpecIds => new()
    {
        "keba-e10", "abb-m2m", "abb-m4m", "cg-em24-e1", "fronius-gen24-sm", "fronius-datamanager-sm",
        "gmc-energymid-em228x-em238x", "kostal-ksem", "siemens-pac2200", "tq-em300", "tq-em420",
        "abb-b23-312-100", "bcontrol-em300-prodata", "herholdt-ecsem113", "janitza-ecsem114mid",
        "janitza-b23-312-10j", "siemens-7kt1260",
    };

    [Theory, MemberData(nameof(SpecIds))]
    public void Ships_a_profile_for_every_meter_of_the_spec(string id)
    {
        var profile = MeterProfileCatalog.BuiltIn.Find(id);
        Assert.NotNull(profile);
        Assert.Equal(12, profile.Points.Count);
    }

    [Fact]
    public void Ships_no_profile_outside_the_spec() =>
        Assert.Equal(SpecIds.Select(row => row.Data).Order(), MeterProfileCatalog.BuiltIn.Profiles.Select(p => p.Id).Order());

    [Theory]
    [InlineData("cg-em24-e1", true)] // sign convention not confirmed by the vendor
    [InlineData("bcontrol-em300-prodata", false)]
    [InlineData("tq-em300", false)]
    [InlineData("janitza-b23-312-10j", false)]
    [InlineData("fronius-gen24-sm", false)]
    [InlineData("keba-e10", true)] // SunSpec model not verified, sign unverified
    [InlineData("abb-m4m", true)] // phase voltages and powers unverified
    [InlineData("tq-em420", true)]
    [InlineData("abb-m2m", true)] // no registers at all
    [InlineData("siemens-pac2200", true)] // energy sums unverified
    [InlineData("gmc-energymid-em228x-em238x", true)] // sign unverified
    public void Marks_profiles_with_unverified_facts(string id, bool unverified)
    {
        Assert.Equal(unverified, MeterProfileCatalog.BuiltIn.Find(id)!.Unverified);
    }

    [Fact]
    public void Keeps_register_level_unverified_flags()
    {
        var m4m = MeterProfileCatalog.BuiltIn.Find("abb-m4m")!;
        Assert.True(m4m.Points[MeterQuantity.VoltageL1].Unverified);
        Assert.False(m4m.Points[MeterQuantity.CurrentL1].Unverified);
        Assert.False(MeterProfileCatalog.BuiltIn.Find("abb-m2m")!.HasPhaseCurrents);
        Assert.True(m4m.HasPhaseCurrents);
    }

    [Fact]
    public void Installs_profiles_from_the_data_folder_and_refuses_bad_files_by_name()
    {
        using var data = new TempDirectory();
        var folder = Directory.CreateDirectory(Path.Combine(data.Path, "meter-profiles")).FullName;
        File.WriteAllText(Path.Combine(folder, "my-meter.json"), MeterProfileParserTests.Valid("my-meter"));
        File.WriteAllText(Path.Combine(folder, "broken.json"), MeterProfileParserTests.Valid("broken").Replace("\"fc\": 4", "\"fc\": 6", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(folder, "tq-em300.json"), MeterProfileParserTests.Valid("tq-em300"));

        var catalog = MeterProfileCatalog.Load(data.Path);

        Assert.Equal("Acme", catalog.Find("my-meter")!.Vendor);
        Assert.Equal(Path.Combine(folder, "my-meter.json"), catalog.Find("my-meter")!.Source);
        Assert.Equal("Acme", catalog.Find("tq-em300")!.Vendor); // an installed file replaces a built-in profile
        Assert.Null(catalog.Find("broken"));
        Assert.Equal(["Meter profile 'broken.json': 'registers.currentL1.fc' must be 3 or 4 but was 6."], catalog.Problems);
        Assert.Equal(MeterProfileCatalog.BuiltIn.Profiles.Count + 1, catalog.Profiles.Count);
    }

    [Fact]
    public void Loads_only_built_in_profiles_without_data_folder() =>
        Assert.Equal(MeterProfileCatalog.BuiltIn.Profiles.Count, MeterProfileCatalog.Load(null).Profiles.Count);
}
