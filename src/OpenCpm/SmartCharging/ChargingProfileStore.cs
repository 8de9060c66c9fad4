using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenCpm.Core.SmartCharging;
using OpenCpm.Data;
using OpenCpm.Protocols.Ocpp.V16;

namespace OpenCpm.SmartCharging;

/// <summary>
/// The installed charging profiles in SQLite, each as the backend sent it (OCPP JSON), so they survive a restart.
/// Only <see cref="SmartChargingService"/> calls it (it serializes the writes).
/// </summary>
internal sealed class ChargingProfileStore(IDbContextFactory<OpenCpmDbContext> dbFactory, ILogger<ChargingProfileStore> logger)
{
    /// <summary>The stored profiles; a row that can't be read any more is left out (and logged).</summary>
    public async Task<IReadOnlyList<InstalledChargingProfile>> LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.ChargingProfiles.AsNoTracking().OrderBy(p => p.InstalledAt).ThenBy(p => p.Id).ToListAsync(cancellationToken);
        var profiles = new List<InstalledChargingProfile>(rows.Count);
        foreach (var row in rows)
        {
            try
            {
                var wire = JsonSerializer.Deserialize(row.ProfileJson, OcppJsonContext.Default.ChargingProfile) ?? throw new JsonException("null");
                profiles.Add(new InstalledChargingProfile(row.ConnectorId, ChargingProfileWire.ToCore(wire), row.InstalledAt));
            }
            catch (JsonException ex)
            {
                SmartChargingLog.UnreadableProfile(logger, row.Id, ex.Message);
            }
        }

        return profiles;
    }

    /// <summary>Deletes <paramref name="removed"/> and stores <paramref name="added"/> (if any) in one transaction.</summary>
    public async Task SaveAsync(IReadOnlyCollection<InstalledChargingProfile> removed, InstalledChargingProfile? added, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(removed);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ids = removed.Select(p => p.Profile.Id).Append(added?.Profile.Id ?? -1).ToArray();
        await db.ChargingProfiles.Where(p => ids.Contains(p.Id)).ExecuteDeleteAsync(cancellationToken);
        if (added is not null)
        {
            db.ChargingProfiles.Add(new ChargingProfileRow
            {
                Id = added.Profile.Id,
                ConnectorId = added.ConnectorId,
                InstalledAt = added.InstalledAt,
                ProfileJson = JsonSerializer.Serialize(ChargingProfileWire.ToWire(added.Profile), OcppJsonContext.Default.ChargingProfile),
            });
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
