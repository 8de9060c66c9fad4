using OpenCpm.Core.LoadManagement;

namespace OpenCpm.Core.Tests.LoadManagement;

public sealed class SiteSettingsValidatorTests
{
    private static readonly SiteSettings Valid = new()
    {
        MaxCurrentA = 63,
        ClustersEnabled = true,
        Clusters = [new ClusterSettings { Id = "garage", MaxCurrentA = 32 }],
        ChargePoints =
        [
            new ChargePointSettings { Id = "cp1", Cluster = "garage", MaxCurrentA = 32, FailsafeCurrentA = 6 },
            new ChargePointSettings { Id = "cp2", Connection = PhaseConnection.SinglePhase, SinglePhase = Phase.L2, MaxCurrentA = 16 },
        ],
    };

    public static TheoryData<string, SiteSettings> Invalid => new()
    {
        { "The site's maximum current must be more than 0 A but is 0 A.", Valid with { MaxCurrentA = 0 } },
        { "The minimum charging current must be at least 6 A (IEC 61851) but is 5 A.", Valid with { MinChargingCurrentA = 5 } },
        { "Cluster \"garage\": its limit of 80 A is above the site limit of 63 A.", Valid with { Clusters = [new ClusterSettings { Id = "garage", MaxCurrentA = 80 }] } },
        { "Charge point \"cp1\" is in cluster \"garage\", which does not exist.", Valid with { Clusters = [] } },
        { "Charge point \"cp2\" is configured twice.", Valid with { ChargePoints = [.. Valid.ChargePoints, Valid.ChargePoints[1]] } },
        { "Charge point \"cp1\": the failsafe current must be 0 (stop) or at least 6 A but is 3 A.", Valid with { ChargePoints = [Valid.ChargePoints[0] with { FailsafeCurrentA = 3 }] } },
        { "Charge point \"cp1\": its maximum current of 5 A is below the minimum charging current of 6 A.", Valid with { ChargePoints = [Valid.ChargePoints[0] with { MaxCurrentA = 5, FailsafeCurrentA = 0 }] } },
        { "Charge point \"cp1\" is wired to L3, which does not feed cluster \"garage\".", Valid with { Clusters = [new ClusterSettings { Id = "garage", MaxCurrentA = 32, Phases = PhaseSet.First(2) }], ChargePoints = [Valid.ChargePoints[0] with { Connection = PhaseConnection.SinglePhase, SinglePhase = Phase.L3 }] } },
        { "A site has at most 15 clusters but 17 are configured.", Valid with { Clusters = [.. Enumerable.Range(0, 16).Select(i => new ClusterSettings { Id = $"c{i}" }), new ClusterSettings { Id = "garage" }] } },
    };

    [Fact]
    public void Accepts_a_valid_site()
    {
        var problems = SiteSettingsValidator.Validate(Valid);

        Assert.True(problems.IsValid);
        Assert.Empty(problems.Warnings);
    }

    [Theory, MemberData(nameof(Invalid))]
    public void Refuses_invalid_settings_with_a_sentence_naming_what_is_wrong(string error, SiteSettings settings) =>
        Assert.Contains(error, SiteSettingsValidator.Validate(settings).Errors);

    [Fact]
    public void Warns_when_the_failsafe_currents_do_not_fit_the_site_limit()
    {
        var settings = Valid with
        {
            MaxCurrentA = 16,
            Clusters = [new ClusterSettings { Id = "garage", MaxCurrentA = 16 }],
            ChargePoints = [.. Enumerable.Range(0, 3).Select(i => new ChargePointSettings { Id = $"cp{i}", MaxCurrentA = 16, FailsafeCurrentA = 6 })],
        };

        var problems = SiteSettingsValidator.Validate(settings);

        Assert.True(problems.IsValid);
        Assert.Equal(
            "The failsafe currents add up to 18 A on the most loaded phase, above the site limit of 16 A: if the controller fails, the stations together may overload the grid connection.",
            Assert.Single(problems.Warnings));
    }
}
