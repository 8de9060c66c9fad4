using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenCpm.Data;

namespace OpenCpm.Settings;

/// <summary>
/// Unhealthy when the settings in force would be refused today: settings stored by an older version (or written
/// to the database by hand) with a limit that is not finite or not physical must not pass for healthy.
/// </summary>
internal sealed class SettingsHealthCheck(SettingsService settings) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var current = await settings.GetAsync(cancellationToken);
        var errors = current.Site.Validate().Errors.ToList();
        errors.AddRange(Check<MeterSettings>(current));
        errors.AddRange(Check<OcppBackendSettings>(current));
        errors.AddRange(Check<AuthorizationSettings>(current));
        errors.AddRange(Check<DiscoverySettings>(current));
        return errors.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The stored settings are not valid: " + string.Join(" ", errors));
    }

    private static IReadOnlyList<string> Check<T>(SettingsSnapshot snapshot)
        where T : class, ISettingsDocument<T>
    {
        try
        {
            return snapshot.Get<T>().Validate();
        }
        catch (System.Text.Json.JsonException)
        {
            return [$"The stored {T.Key} settings can't be read."];
        }
    }
}
