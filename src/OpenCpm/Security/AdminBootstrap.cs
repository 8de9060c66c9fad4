namespace OpenCpm.Security;

/// <summary>
/// At start-up (after the database is migrated, before Kestrel listens), creates the first user if there is none.
/// <see cref="GeneratedPassword"/> then holds the random first-login password for the command line to print; it
/// is never logged.
/// </summary>
internal sealed class AdminBootstrap(UserAccounts users, AdminPasswordPreset preset, ILogger<AdminBootstrap> logger) : IHostedLifecycleService
{
    /// <summary>The generated first-login password of <c>admin</c>, or null (users existed or a password was preset).</summary>
    public string? GeneratedPassword { get; private set; }

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (preset.Password is { } password && PasswordPolicy.Check(password) is { } problem)
        {
            throw new InvalidOperationException("The preset admin password is not valid: " + problem.Replace("The new password", "it", StringComparison.Ordinal));
        }

        GeneratedPassword = await users.EnsureAdminAsync(preset.Password, cancellationToken);
        if (GeneratedPassword is not null)
        {
            SecurityLog.AdminCreatedWithGeneratedPassword(logger, UserAccounts.AdminName);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
