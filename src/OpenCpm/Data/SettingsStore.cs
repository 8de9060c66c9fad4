using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using OpenCpm.Core.LoadManagement;

namespace OpenCpm.Data;

/// <summary>
/// The operator's settings in SQLite: site limits, clusters and charge points (validated as a whole by
/// <see cref="SiteSettingsValidator"/>; invalid settings are refused and nothing is saved) and the settings
/// documents (meter, OCPP backend, authorization). Raises <see cref="Changed"/> after every save.
/// </summary>
internal sealed class SettingsStore(IDbContextFactory<OpenCpmDbContext> dbFactory, TimeProvider time) : IDisposable
{
    private static readonly JsonSerializerOptions DocumentJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly SemaphoreSlim _writeLock = new(1, 1);

    /// <summary>Raised after a save with the area that changed: "site" (site, clusters or charge points) or a document key.</summary>
    public event EventHandler<string>? Changed;

    public async Task<SiteSettings> GetSiteAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ReadSiteAsync(db, cancellationToken);
    }

    /// <summary>Saves site limits, clusters and charge point settings. Errors: nothing saved. Warnings: saved.</summary>
    public async Task<SettingsProblems> SaveSiteAsync(SiteSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var problems = SiteSettingsValidator.Validate(settings);
        if (!problems.IsValid)
        {
            return problems;
        }

        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var site = await db.Site.FindAsync([SiteSettingsRow.SingletonId], cancellationToken);
            if (site is null)
            {
                site = new SiteSettingsRow();
                db.Site.Add(site);
            }

            SiteMapping.CopyTo(settings, site);
            db.Clusters.RemoveRange(await db.Clusters.ToListAsync(cancellationToken));
            db.Clusters.AddRange(settings.Clusters.Select(SiteMapping.ToRow));

            var rows = await db.ChargePoints.ToDictionaryAsync(c => c.Id, StringComparer.Ordinal, cancellationToken);
            var nextConnector = rows.Count == 0 ? 1 : rows.Values.Max(r => r.ConnectorId) + 1;
            for (var i = 0; i < settings.ChargePoints.Count; i++)
            {
                var cp = settings.ChargePoints[i];
                if (!rows.Remove(cp.Id, out var row))
                {
                    row = new ChargePointRow { Id = cp.Id, ConnectorId = nextConnector++ };
                    db.ChargePoints.Add(row);
                }

                row.Position = i;
                SiteMapping.CopyTo(cp, row);
            }

            db.ChargePoints.RemoveRange(rows.Values);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }

        Changed?.Invoke(this, "site");
        return problems;
    }

    public async Task<IReadOnlyList<ChargePointInstallation>> GetChargePointsAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.ChargePoints.AsNoTracking().OrderBy(c => c.Position).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        return [.. rows.Select(SiteMapping.ToInstallation)];
    }

    public async Task<ChargePointInstallation?> GetChargePointAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.ChargePoints.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        return row is null ? null : SiteMapping.ToInstallation(row);
    }

    /// <summary>
    /// Adds or replaces one charge point (identity and settings), validating the whole site with it.
    /// A connector id of 0 takes the next free one. Errors: nothing saved.
    /// </summary>
    public Task<SettingsProblems> SaveChargePointAsync(ChargePointInstallation installation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(installation);
        return SaveChargePointsAsync([installation], cancellationToken);
    }

    /// <summary>
    /// Adds or replaces several charge points in one transaction (commissioning a whole site at once), validating
    /// the site with all of them. Errors: nothing saved.
    /// </summary>
    public async Task<SettingsProblems> SaveChargePointsAsync(IReadOnlyList<ChargePointInstallation> installations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(installations);
        await _writeLock.WaitAsync(cancellationToken);
        SettingsProblems problems;
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var site = await ReadSiteAsync(db, cancellationToken);
            var ids = installations.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
            var others = site.ChargePoints.Where(c => !ids.Contains(c.Id)).ToList();
            var candidate = site with { ChargePoints = [.. others, .. installations.Select(i => i.Settings)] };
            problems = SiteSettingsValidator.Validate(candidate);
            var rows = await db.ChargePoints.ToListAsync(cancellationToken);
            var errors = problems.Errors.ToList();
            foreach (var installation in installations)
            {
                errors.AddRange(InstallationErrors(installation, rows));
                var row = rows.SingleOrDefault(r => r.Id == installation.Id);
                if (row is null)
                {
                    row = new ChargePointRow { Id = installation.Id, Position = rows.Count == 0 ? 0 : rows.Max(r => r.Position) + 1 };
                    db.ChargePoints.Add(row);
                    rows.Add(row);
                }

                SiteMapping.CopyTo(installation.Settings, row);
                row.Serial = installation.Serial;
                row.Address = installation.Address;
                row.Driver = installation.Driver;
                row.DisplayName = installation.DisplayName;
                row.TotalEnergyWh = installation.TotalEnergyWh;
                row.ConnectorId = installation.ConnectorId > 0 ? installation.ConnectorId
                    : row.ConnectorId > 0 ? row.ConnectorId
                    : rows.Max(r => r.ConnectorId) + 1;
            }

            if (errors.Count > 0)
            {
                return problems with { Errors = errors };
            }

            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }

        Changed?.Invoke(this, "site");
        return problems;
    }

    public async Task<bool> DeleteChargePointAsync(string id, CancellationToken cancellationToken)
    {
        int deleted;
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            deleted = await db.ChargePoints.Where(c => c.Id == id).ExecuteDeleteAsync(cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }

        if (deleted > 0)
        {
            Changed?.Invoke(this, "site");
        }

        return deleted > 0;
    }

    /// <summary>Records a charge point's energy meter total (the control loop calls this; it raises no change event).</summary>
    public async Task SetTotalEnergyAsync(string id, double totalEnergyWh, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.ChargePoints.Where(c => c.Id == id)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.TotalEnergyWh, totalEnergyWh), cancellationToken);
    }

    public async Task<T> GetAsync<T>(CancellationToken cancellationToken)
        where T : class, ISettingsDocument<T>
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var key = T.Key;
        var row = await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Key == key, cancellationToken);
        return row is null ? T.Default : JsonSerializer.Deserialize<T>(row.Json, DocumentJson) ?? T.Default;
    }

    /// <summary>Saves a settings document unless it has errors (then nothing is saved).</summary>
    public async Task<SettingsProblems> SaveAsync<T>(T document, CancellationToken cancellationToken)
        where T : class, ISettingsDocument<T>
    {
        ArgumentNullException.ThrowIfNull(document);
        var errors = document.Validate();
        var problems = new SettingsProblems(errors, []);
        if (!problems.IsValid)
        {
            return problems;
        }

        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var key = T.Key;
            var row = await db.Documents.SingleOrDefaultAsync(d => d.Key == key, cancellationToken);
            if (row is null)
            {
                row = new SettingsDocumentRow { Key = T.Key, Json = "" };
                db.Documents.Add(row);
            }

            row.Json = JsonSerializer.Serialize(document, DocumentJson);
            row.UpdatedAt = time.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }

        Changed?.Invoke(this, T.Key);
        return problems;
    }

    public void Dispose() => _writeLock.Dispose();

    private static async Task<SiteSettings> ReadSiteAsync(OpenCpmDbContext db, CancellationToken cancellationToken)
    {
        var site = await db.Site.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var clusters = await db.Clusters.AsNoTracking().OrderBy(c => c.Position).ToListAsync(cancellationToken);
        var chargePoints = await db.ChargePoints.AsNoTracking().OrderBy(c => c.Position).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        return SiteMapping.ToSettings(site, clusters, chargePoints);
    }

    private static IEnumerable<string> InstallationErrors(ChargePointInstallation installation, List<ChargePointRow> rows)
    {
        if (installation.ConnectorId < 0)
        {
            yield return string.Create(CultureInfo.InvariantCulture,
                $"Charge point \"{installation.Id}\": the connector id must be 1 or more (or 0 to assign one) but is {installation.ConnectorId}.");
        }
        else if (installation.ConnectorId > 0 && rows.FirstOrDefault(r => r.ConnectorId == installation.ConnectorId && r.Id != installation.Id) is { } taken)
        {
            yield return string.Create(CultureInfo.InvariantCulture,
                $"Charge point \"{installation.Id}\": connector id {installation.ConnectorId} is already used by charge point \"{taken.Id}\".");
        }

        if (installation.Id.Length > 64 || installation.Id.Any(c => char.IsControl(c) || c == '/'))
        {
            yield return $"Charge point id \"{installation.Id}\" must be at most 64 characters without '/' or control characters.";
        }

        if (installation.Address is { Length: > 0 } address && !IPAddress.TryParse(address, out _))
        {
            yield return $"Charge point \"{installation.Id}\": the address must be an IP address but is \"{address}\".";
        }

        if (installation.Driver == StationDriverKind.Keba && string.IsNullOrEmpty(installation.Address))
        {
            yield return $"Charge point \"{installation.Id}\": a KEBA station needs its IP address.";
        }
    }
}
