using System.CommandLine;

namespace OpenCpm.Cli;

internal static class SimulateCommand
{
    public static Command Create()
    {
        var command = new Command("simulate", "Run a load-management scenario on a virtual clock and print its metrics as JSON.");
        return command;
    }
}
