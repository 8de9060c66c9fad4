using System.CommandLine;
using System.CommandLine.Invocation;

namespace OpenCpm.Cli;

/// <summary>The `opencpm` command tree (shared/specs/interfaces.md). Each command lives in its own file.</summary>
internal static class CommandLine
{
    public static RootCommand Build()
    {
        var root = new RootCommand("OpenCPM — open charge-point manager for a network of EV charging stations.");
        root.Subcommands.Add(SimulateCommand.Create());
        root.Subcommands.Add(StationCommand.Create());
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(MeterCommands.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(ConfigCommands.Create());
        root.Subcommands.Add(SiteCommands.Create());
        root.Subcommands.Add(AdminCommands.Create());
        root.Subcommands.Add(UpdateCommands.Create());
        return root;
    }

    /// <summary>
    /// Parses and runs a command line. A command line that does not parse (unknown command or option, a value not
    /// among the allowed ones) prints its errors to standard error and exits with 2, like an invalid input file.
    /// </summary>
    public static async Task<int> InvokeAsync(string[] args, InvocationConfiguration? configuration = null, CancellationToken cancellationToken = default)
    {
        var parseResult = Build().Parse(HostSettingOptions.Expand(args));
        var exitCode = await parseResult.InvokeAsync(configuration, cancellationToken);
        return parseResult.Action is ParseErrorAction ? 2 : exitCode;
    }
}
