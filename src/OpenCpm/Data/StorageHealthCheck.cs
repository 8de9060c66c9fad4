using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OpenCpm.Data;

/// <summary>Healthy when the database answers a query and the last write to it went through (<see cref="StorageFaults"/>).</summary>
internal sealed class StorageHealthCheck(IDbContextFactory<OpenCpmDbContext> dbFactory, StorageFaults faults) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Database.CanConnectAsync(cancellationToken))
        {
            return HealthCheckResult.Unhealthy("The database can't be opened.");
        }

        return faults.Problem is { } problem ? HealthCheckResult.Unhealthy(problem) : HealthCheckResult.Healthy();
    }
}
