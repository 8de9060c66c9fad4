using OpenCpm.Cli;
using OpenCpm.Core.LoadManagement;
using OpenCpm.Simulation;

namespace OpenCpm.Tests.Demo;

public sealed class DemoSiteSettingsTests
{
    [Fact]
    public void Demo_settings_scale_the_site_limit_and_keep_failsafe_currents_within_it()
    {
        var ten = DemoSiteSettings.Site(SimulatedSiteOptions.WithStations(10).Stations, clusters: 0);
        Assert.Equal(63, ten.MaxCurrentA);
        Assert.All(ten.ChargePoints, c => Assert.Equal(6, c.FailsafeCurrentA));
        Assert.Empty(SiteSettingsValidator.Validate(ten).Warnings);

        var many = DemoSiteSettings.Site(SimulatedSiteOptions.WithStations(200).Stations, clusters: 15);
        Assert.Equal(720, many.MaxCurrentA);
        Assert.Equal(15, many.Clusters.Count);
        Assert.All(many.Clusters, c => Assert.InRange(c.MaxCurrentA, 16, many.MaxCurrentA));
        Assert.All(many.ChargePoints, c => Assert.Equal(0, c.FailsafeCurrentA));
        var problems = SiteSettingsValidator.Validate(many);
        Assert.Empty(problems.Errors);
        Assert.Empty(problems.Warnings);
        Assert.Equal(200, many.ChargePoints.Select(c => c.Cluster).Count(c => c is not null));
    }
}
