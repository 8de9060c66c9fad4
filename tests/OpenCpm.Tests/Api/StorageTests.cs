using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
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
    public async Task Before_applying_new_migrations_to_an_existing_database_a_copy_is_kept_and_no_data_is_lost()
    {
        using var data = new TempDirectory();
        var path = Path.Combine(data.Path, StorageOptions.DatabaseFileName);
        // A database from an "older version": one earlier migration applied, plus data of its own.
        await using (var old = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await old.OpenAsync(Ct);
            await using var create = old.CreateCommand();
            create.CommandText = """
                CREATE TABLE "__EFMigrationsHistory" ("MigrationId" TEXT NOT NULL PRIMARY KEY, "ProductVersion" TEXT NOT NULL);
                INSERT INTO "__EFMigrationsHistory" VALUES ('00000000000000_Older', '10.0.0');
                CREATE TABLE "Keep" ("Value" TEXT NOT NULL);
                INSERT INTO "Keep" VALUES ('still here');
                """;
            await create.ExecuteNonQueryAsync(Ct);
        }

        await using (var app = await OpenCpmApplication.StartAsync(data.Path))
        {
            await using var db = await app.Service<IDbContextFactory<OpenCpmDbContext>>().CreateDbContextAsync(Ct);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
        }

        var backup = Assert.Single(Directory.GetFiles(data.Path, StorageOptions.DatabaseFileName + ".*.bak"));
        Assert.Contains("before-", Path.GetFileName(backup), StringComparison.Ordinal);
        Assert.Equal("still here", await ScalarAsync(backup, "SELECT \"Value\" FROM \"Keep\""));
        Assert.Equal("still here", await ScalarAsync(path, "SELECT \"Value\" FROM \"Keep\""));
        Assert.Equal("0", await ScalarAsync(backup, "SELECT count(*) FROM sqlite_master WHERE name = 'Sessions'"));
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
