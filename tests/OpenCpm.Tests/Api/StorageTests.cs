using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using OpenCpm.Data;
using OpenCpm.Tests.Shared;

namespace OpenCpm.Tests.Api;

public sealed class StorageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_fresh_data_folder_gets_a_database_with_every_migration_applied()
    {
        using var data = new TempDirectory();
        var folder = Path.Combine(data.Path, "not", "there", "yet");
        await using (var app = await OpenCpmApplication.StartAsync(folder))
        {
            await using var db = await app.Service<IDbContextFactory<OpenCpmDbContext>>().CreateDbContextAsync(Ct);
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(Ct));
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
            Assert.False(db.Database.HasPendingModelChanges(), "The model has changes without a migration: run dotnet ef migrations add.");
        }

        Assert.True(File.Exists(Path.Combine(folder, StorageOptions.DatabaseFileName)));
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, StorageOptions.DatabaseFileName)};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
        var tables = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(Ct))
        {
            while (await reader.ReadAsync(Ct))
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in new[] { "SiteSettings", "Clusters", "ChargePoints", "SettingsDocuments", "Sessions", "Events", "Users", "Tokens", "__EFMigrationsHistory" })
        {
            Assert.Contains(table, tables);
        }
    }

    [Fact]
    public async Task Passwords_and_tokens_are_stored_only_as_hashes()
    {
        using var data = new TempDirectory();
        string token;
        await using (var app = await OpenCpmApplication.StartAsync(data.Path))
        {
            using var client = app.CreateClient();
            token = await OpenCpmApplication.LoginAsync(client, "admin", OpenCpmApplication.AdminPassword);
        }

        var bytes = await File.ReadAllBytesAsync(Path.Combine(data.Path, StorageOptions.DatabaseFileName), Ct);
        var wal = Path.Combine(data.Path, StorageOptions.DatabaseFileName + "-wal");
        if (File.Exists(wal))
        {
            bytes = [.. bytes, .. await File.ReadAllBytesAsync(wal, Ct)];
        }

        var text = System.Text.Encoding.UTF8.GetString(bytes);
        Assert.DoesNotContain(OpenCpmApplication.AdminPassword, text, StringComparison.Ordinal);
        Assert.DoesNotContain(token, text, StringComparison.Ordinal);
        Assert.DoesNotContain(token["ocpm_".Length..], text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upgrading_a_database_of_the_first_version_keeps_a_copy_and_every_session()
    {
        using var data = new TempDirectory();
        var path = Path.Combine(data.Path, StorageOptions.DatabaseFileName);
        var options = new DbContextOptionsBuilder<OpenCpmDbContext>().UseSqlite($"Data Source={path};Pooling=False").Options;
        string first;
        await using (var old = new OpenCpmDbContext(options))
        {
            // The database as the first released version left it: only the first migration, with a session in it.
            first = old.Database.GetMigrations().First();
            Assert.True(old.Database.GetMigrations().Count() > 1, "This test needs at least two migrations.");
            await old.GetService<IMigrator>().MigrateAsync(first, Ct);
            await using var insert = new SqliteConnection($"Data Source={path};Pooling=False");
            await insert.OpenAsync(Ct);
            await using var command = insert.CreateCommand();
            command.CommandText = """
                INSERT INTO "Sessions" ("ChargePoint", "IdTag", "Start", "End", "MeterStartWh", "MeterEndWh", "StopReason")
                VALUES ('cp1', 'OLD-CARD', 1767261600000, 1767265200000, 100, 7100, 'Local');
                """;
            await command.ExecuteNonQueryAsync(Ct);
        }

        await using (var app = await OpenCpmApplication.StartAsync(data.Path))
        {
            await using var db = await app.Service<IDbContextFactory<OpenCpmDbContext>>().CreateDbContextAsync(Ct);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
            using var client = await app.CreateClientAsync();
            var sessions = await (await client.GetAsync("/api/v1/sessions?card=old-card", Ct)).JsonAsync();
            var session = Assert.Single(sessions.GetProperty("items").EnumerateArray());
            Assert.Equal(7000, session.GetProperty("energyWh").GetDouble());
            Assert.Equal(new DateTimeOffset(2026, 1, 1, 10, 0, 0, TimeSpan.Zero), session.GetProperty("start").GetDateTimeOffset());
        }

        var backup = Assert.Single(Directory.GetFiles(data.Path, StorageOptions.DatabaseFileName + ".*.bak"));
        await using var upgraded = new OpenCpmDbContext(options);
        Assert.EndsWith($".before-{(await upgraded.Database.GetAppliedMigrationsAsync(Ct)).ElementAt(1)}.bak", backup, StringComparison.Ordinal);
        Assert.Equal("OLD-CARD", await ScalarAsync(backup, "SELECT \"IdTag\" FROM \"Sessions\""));
        Assert.Equal(first, await ScalarAsync(backup, "SELECT max(\"MigrationId\") FROM \"__EFMigrationsHistory\""));
    }

    private static async Task<string?> ScalarAsync(string database, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
