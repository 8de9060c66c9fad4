using Microsoft.EntityFrameworkCore;
using OpenCpm.Data;

namespace OpenCpm.Firmware;

/// <summary>The firmware update under way in SQLite (table FirmwareUpdates): at most one row, replaced by a newer request, removed once its outcome was told.</summary>
internal sealed class FirmwareJobStore(IDbContextFactory<OpenCpmDbContext> dbFactory)
{
    public async Task<FirmwareJob?> LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.FirmwareUpdates.AsNoTracking().OrderByDescending(f => f.ReceivedAt).FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : new FirmwareJob
        {
            Id = row.Id,
            Signed = row.Signed,
            RequestId = row.RequestId,
            Location = row.Location,
            RetrieveAt = row.RetrieveAt,
            InstallAt = row.InstallAt,
            Retries = row.Retries,
            RetryIntervalSeconds = row.RetryIntervalSeconds,
            SigningCertificate = row.SigningCertificate,
            Signature = row.Signature,
            Stage = Enum.TryParse<FirmwareJobStage>(row.Stage, out var stage) ? stage : FirmwareJobStage.Scheduled,
            ReceivedAt = row.ReceivedAt,
            InstallStartedAt = row.InstallStartedAt,
            TargetVersion = row.TargetVersion,
        };
    }

    /// <summary>Makes <paramref name="job"/> the one update (any other row goes, in the same transaction).</summary>
    public async Task SaveAsync(FirmwareJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.FirmwareUpdates.ExecuteDeleteAsync(cancellationToken);
        db.FirmwareUpdates.Add(new FirmwareUpdateRow
        {
            Id = job.Id,
            Signed = job.Signed,
            RequestId = job.RequestId,
            Location = job.Location,
            RetrieveAt = job.RetrieveAt,
            InstallAt = job.InstallAt,
            Retries = job.Retries,
            RetryIntervalSeconds = job.RetryIntervalSeconds,
            SigningCertificate = job.SigningCertificate,
            Signature = job.Signature,
            Stage = job.Stage.ToString(),
            ReceivedAt = job.ReceivedAt,
            InstallStartedAt = job.InstallStartedAt,
            TargetVersion = job.TargetVersion,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Removes <paramref name="id"/> (not a newer request that replaced it).</summary>
    public async Task DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.FirmwareUpdates.Where(f => f.Id == id).ExecuteDeleteAsync(cancellationToken);
    }
}
