using System.CommandLine;

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
        return root;
    }
}
