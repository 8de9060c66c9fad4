using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenCpm.Data;
using OpenCpm.Settings;

namespace OpenCpm.Hosting;

internal static class StorageExtensions
{
    /// <summary>SQLite in <paramref name="dataDirectory"/>, migrated at start; the stores; daily pruning; a health check; data-protection keys.</summary>
    public static WebApplicationBuilder AddStorage(this WebApplicationBuilder builder, string dataDirectory)
    {
        var options = new StorageOptions(dataDirectory);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(options);
        builder.Services.AddDbContextFactory<OpenCpmDbContext>(db => db.UseSqlite($"Data Source={options.DatabasePath}"));
        builder.Services.AddHostedService<Maintenance.DataFolderLock>(); // before anything touches the folder
        builder.Services.AddHostedService<StorageInitializer>();
        builder.Services.AddSingleton<StorageFaults>();
        builder.Services.AddSingleton<SettingsStore>();
        builder.Services.AddSingleton<SettingsService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SettingsService>()); // loads after the migration
        builder.Services.AddSingleton<SessionStore>();
        builder.Services.AddSingleton<EventLog>();
        builder.Services.AddHostedService<StoragePruner>();
        // Keys of ASP.NET Core data protection (antiforgery, cookies) live with the data, not in the user's home.
        builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys")));
        builder.Services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage").AddCheck<SettingsHealthCheck>("settings");
        return builder;
    }
}
