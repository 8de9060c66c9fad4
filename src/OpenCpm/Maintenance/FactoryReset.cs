using Microsoft.EntityFrameworkCore;
using OpenCpm.Data;
using OpenCpm.Security;
using OpenCpm.Settings;

namespace OpenCpm.Maintenance;

/// <summary>
/// Factory data reset (manual 8.1.5): every settings area back to its defaults, then every table of the database
/// emptied — sessions, cards, users and passwords, tokens, the event log, and whatever tables come later — and the
/// file compacted so no page of the old data stays in it; the database backups, certificates
/// (<see cref="CertificatesFolder"/>), host logs and installed meter profiles deleted. A fresh <c>admin</c> with a
/// first-login password is created and returned. The serial and the recovery key (on the label, kept for the
/// product's life) stay. The caller restarts the controller afterwards so nothing of the old state stays in memory.
/// </summary>
internal sealed class FactoryReset(
    IDbContextFactory<OpenCpmDbContext> dbFactory,
    SettingsService settings,
    UserAccounts users,
    LoginService logins,
    StorageOptions storage,
    HostLogging logging,
    EventLog events,
    ILogger<FactoryReset> logger)
{
    /// <summary>Where certificates (web UI, OCPP) are kept in the data folder; erased by the reset.</summary>
    public const string CertificatesFolder = "certificates";

    public const string EventSource = "system";

    /// <summary>
    /// The reset a user asks for (REST API, web UI): only when <paramref name="confirm"/>ed and with the caller's own
    /// password (checked like a login). The caller restarts the controller once the answer is out.
    /// </summary>
    public async Task<FactoryResetOutcome> ResetAsync(
        System.Security.Claims.ClaimsPrincipal user, bool confirm, string? password, string clientAddress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!confirm)
        {
            return new FactoryResetOutcome(null, true, PasswordConfirmation.Wrong);
        }

        var confirmation = await logins.ConfirmPasswordAsync(user, password, clientAddress, cancellationToken);
        return confirmation.Confirmed
            ? new FactoryResetOutcome(await ResetAsync(user.UserName(), cancellationToken), false, confirmation)
            : new FactoryResetOutcome(null, false, confirmation);
    }

    /// <summary>Erases everything; returns the new first-login password of <c>admin</c>.</summary>
    public async Task<string> ResetAsync(string actor, CancellationToken cancellationToken)
    {
        // First through the settings service, so the control loop lets go of every station at once.
        var reset = await settings.UpdateManyAsync(batch => batch.ResetAll(), actor, what: null, cancellationToken);
        if (!reset.IsSaved)
        {
            throw new InvalidOperationException("The default settings were refused: " + string.Join(" ", reset.Errors));
        }

        await EraseDatabaseAsync(cancellationToken);
        DeleteFiles();
        MaintenanceLog.FactoryReset(logger, actor);
        var password = await users.EnsureAdminAsync(presetPassword: null, cancellationToken)
            ?? throw new InvalidOperationException("A user exists after the factory reset.");
        await events.WarningAsync(EventSource, "The controller was reset to its factory settings.", cancellationToken);
        return password;
    }

    private async Task EraseDatabaseAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Tables that point at others first (tokens before users), then the rest.
        var tables = db.Model.GetEntityTypes()
            .OrderByDescending(t => t.GetForeignKeys().Any())
            .Select(t => t.GetTableName())
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            foreach (var table in tables)
            {
                await db.Database.ExecuteSqlRawAsync(string.Concat("DELETE FROM \"", table.Replace("\"", "\"\"", StringComparison.Ordinal), "\""), cancellationToken);
            }

            // Counters of AUTOINCREMENT keys, so new rows don't tell how many came before.
            var hasSequence = await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE name = 'sqlite_sequence'")
                .SingleAsync(cancellationToken);
            if (hasSequence > 0)
            {
                await db.Database.ExecuteSqlRawAsync("DELETE FROM sqlite_sequence", cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        // VACUUM rewrites the file without its free pages; the checkpoint empties the write-ahead log, which still
        // holds the pages written before.
        await db.Database.ExecuteSqlRawAsync("VACUUM", cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)", cancellationToken);
    }

    private void DeleteFiles()
    {
        var data = storage.DataDirectory;
        foreach (var backup in Directory.EnumerateFiles(data, StorageOptions.DatabaseFileName + ".*.bak"))
        {
            Delete(backup);
        }

        foreach (var folder in new[] { CertificatesFolder, Protocols.Modbus.MeterProfileCatalog.FolderName, logging.Folder })
        {
            var path = Path.Combine(data, folder);
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories))
                {
                    Delete(file);
                }
            }
        }
    }

    private void Delete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            MaintenanceLog.ResetFileKept(logger, path, e);
        }
    }
}
