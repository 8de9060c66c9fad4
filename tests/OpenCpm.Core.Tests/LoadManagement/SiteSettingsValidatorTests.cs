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

    /// <summary>Issue 9, items 2 and 3 and "input validation everywhere": every one of these was accepted before.</summary>
    public static TheoryData<string, SiteSettings> NonFiniteAbsurdOrUndefined => new()
    {
        { "The site's maximum current must be at most 4000 A but is Infinity A.", Valid with { MaxCurrentA = double.PositiveInfinity } },
        { "The site's maximum current must be at most 4000 A but is 1E+308 A.", Valid with { MaxCurrentA = 1e308 } },
        { "The minimum charging current must be at least 6 A (IEC 61851) but is NaN A.", Valid with { MinChargingCurrentA = double.NaN } },
        { "The minimum charging current must be at most 80 A but is 81 A.", Valid with { MaxCurrentA = 100, MinChargingCurrentA = 81 } },
        { "The nominal voltage must be between 100 and 400 V but is NaN V.", Valid with { NominalVoltageV = double.NaN } },
        { "The maximum charging power must be more than 0 W and at most 10000000 W, or empty, but is Infinity W.", Valid with { MaxPowerW = double.PositiveInfinity } },
        { "The unbalanced-load limit must be 0 to 4000 A, or empty, but is NaN A.", Valid with { UnbalancedLoadLimitA = double.NaN } },
        { "The rotation period must be 1 to 1440 minutes but is 2880 minutes.", Valid with { RotationPeriod = TimeSpan.FromDays(2) } },
        { "The rotation period must be 1 to 1440 minutes but is 0.5 minutes.", Valid with { RotationPeriod = TimeSpan.FromSeconds(30) } },
        { "The meter fallback power must be 0 (stop charging) to 10000000 W, or empty, but is NaN W.", Valid with { MeterFallbackPowerW = double.NaN } },
        { "Cluster \"garage\": its limit of Infinity A is above the site limit of 63 A.", Valid with { Clusters = [new ClusterSettings { Id = "garage", MaxCurrentA = double.PositiveInfinity }] } },
        { "Cluster \"garage\": the minimum charging current must be between 6 A and the cluster limit of 32 A (at most 80 A) but is NaN A.", Valid with { Clusters = [new ClusterSettings { Id = "garage", MaxCurrentA = 32, MinChargingCurrentA = double.NaN }] } },
        { "Cluster \"garage\" is fed by a phase other than L1, L2 and L3 (mask 8).", Valid with { Clusters = [new ClusterSettings { Id = "garage", MaxCurrentA = 32, Phases = new PhaseSet(8) }] } },
        { "Charge point \"cp1\": its maximum current must be at most 80 A but is Infinity A.", Valid with { ChargePoints = [Valid.ChargePoints[0] with { MaxCurrentA = double.PositiveInfinity }] } },
        { "Charge point \"cp1\": its maximum current must be at most 80 A but is 100 A.", Valid with { MaxCurrentA = 200, Clusters = [], ChargePoints = [Valid.ChargePoints[0] with { Cluster = null, MaxCurrentA = 100 }] } },
        { "Charge point \"cp1\": the failsafe current must be 0 (stop) or at least 6 A but is NaN A.", Valid with { ChargePoints = [Valid.ChargePoints[0] with { FailsafeCurrentA = double.NaN }] } },
        { "Charge point \"cp1\": the unbalanced-load limit must be 0 to 80 A, or empty, but is Infinity A.", Valid with { ChargePoints = [Valid.ChargePoints[0] with { UnbalancedLoadLimitA = double.PositiveInfinity }] } },
        { "Charge point \"cp2\": the single phase must be L1, L2 or L3 but is 7.", Valid with { ChargePoints = [Valid.ChargePoints[1] with { SinglePhase = (Phase)7 }] } },
        { "Charge point \"cp2\": the connection must be ThreePhase or SinglePhase but is 99.", Valid with { ChargePoints = [Valid.ChargePoints[1] with { Connection = (PhaseConnection)99 }] } },
        { "Charge point \"cp1\": the rotation must be L1L2L3, L2L3L1 or L3L1L2 but is 99.", Valid with { ChargePoints = [Valid.ChargePoints[0] with { Rotation = (PhaseRotation)99 }] } },
        { "The alias of cluster \"" + new string('c', 64) + "…\" must have at most 64 characters but has 100000.", Valid with { Clusters = [new ClusterSettings { Id = new string('c', 100_000) }] } },
        { "The id of charge point \"../../admin\" must consist of letters, digits and \"-_.:+@()\" or inner spaces.", Valid with { ChargePoints = [Valid.ChargePoints[1] with { Id = "../../admin" }] } },
        { "The id of charge point \"cp\\u000Ainjected\" must consist of letters, digits and \"-_.:+@()\" or inner spaces.", Valid with { ChargePoints = [Valid.ChargePoints[1] with { Id = "cp\ninjected" }] } },
    };

    [Theory, MemberData(nameof(NonFiniteAbsurdOrUndefined))]
    public void Refuses_numbers_that_are_not_finite_or_not_physical_undefined_enums_and_unusable_ids(string error, SiteSettings settings) =>
        Assert.Contains(error, SiteSettingsValidator.Validate(settings).Errors);

    [Fact]
    public void The_allocator_refuses_settings_the_validator_refuses()
    {
        var error = Assert.Throws<ArgumentException>(() => new Allocator(Valid with { MaxCurrentA = double.PositiveInfinity }, TimeProvider.System));

        Assert.StartsWith("The site's maximum current must be at most 4000 A but is Infinity A.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Accepts_the_largest_physical_values()
    {
        var settings = Valid with
        {
            MaxCurrentA = 4000,
            MaxPowerW = 10_000_000,
            MeterFallbackPowerW = 10_000_000,
            RotationPeriod = TimeSpan.FromHours(24),
            UnbalancedLoadLimitA = 4000,
            ChargePoints = [Valid.ChargePoints[0] with { Id = "Garage Süd (1)", MaxCurrentA = 80, FailsafeCurrentA = 80, UnbalancedLoadLimitA = 80, Cluster = null }],
        };

        Assert.Empty(SiteSettingsValidator.Validate(settings).Errors);
    }

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
