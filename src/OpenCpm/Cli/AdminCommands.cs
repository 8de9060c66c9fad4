using System.CommandLine;
using OpenCpm.Security;

namespace OpenCpm.Cli;

/// <summary>`opencpm admin recover --data-dir DIR --recovery-key KEY`: a new admin password with the recovery key (manual 8.2.1).</summary>
internal static class AdminCommands
{
    public static Command Create()
    {
        var admin = new Command("admin", "Administration of the controller's data folder.");
        admin.Subcommands.Add(CreateRecover());
        return admin;
    }

    private static Command CreateRecover()
    {
        var dataDir = DataFolderOption.Create();
        var key = new Option<string>("--recovery-key") { Description = "The recovery key shown at the controller's first start.", Required = true };
        var command = new Command("recover", "Set a new first-login password for admin with the recovery key (works while the controller runs, and while logins are locked out).")
        {
            dataDir,
            key,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            WebApplication app;
            try
            {
                app = await DataFolderHost.OpenAsync(parseResult.GetValue(dataDir), mayCreate: false, cancellationToken);
            }
            catch (ArgumentException e)
            {
                await error.WriteLineAsync($"opencpm admin recover: {e.Message}");
                return 2;
            }

            await using var host = app;
            var result = await app.Services.GetRequiredService<PasswordRecovery>()
                .RecoverAsync(parseResult.GetValue(key)!, newPassword: null, "the command line", cancellationToken);
            if (result.Outcome != RecoveryOutcome.Done)
            {
                await error.WriteLineAsync($"opencpm admin recover: {result.Problem}");
                return 2;
            }

            await parseResult.InvocationConfiguration.Output.WriteLineAsync(
                $"First login: user {UserAccounts.AdminName}, password {result.FirstLoginPassword} (change it at the first login; every login of admin was ended)");
            return 0;
        });
        return command;
    }
}
