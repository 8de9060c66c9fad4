using OpenCpm.Core.LoadManagement;
using OpenCpm.Data;
using OpenCpm.Settings;

namespace OpenCpm.Tests.Api;

/// <summary>Writes a whole charging network into a host's settings, as an operator would through the API.</summary>
internal static class SiteSetup
{
    /// <summary>The site, and charge point k of <paramref name="site"/> at <paramref name="addresses"/>[k] (connector k + 1).</summary>
    public static async Task ConfigureAsync(SettingsService settings, SiteSettings site, IReadOnlyList<System.Net.IPAddress> addresses)
    {
        var installations = site.ChargePoints.Select((cp, k) => new ChargePointInstallation
        {
            Settings = cp,
            Address = addresses[k].ToString(),
            ConnectorId = k + 1,
        }).ToList();
        var outcome = await settings.UpdateSiteAsync(_ => new SiteConfiguration(site, installations), "test", null, TestContext.Current.CancellationToken);
        Assert.True(outcome.IsSaved, string.Join(" ", outcome.Errors));
    }
}
