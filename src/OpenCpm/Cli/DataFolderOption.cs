using System.CommandLine;

namespace OpenCpm.Cli;

/// <summary>The <c>--data-dir</c> option of the commands that work on a controller's data folder.</summary>
internal static class DataFolderOption
{
    public static Option<string?> Create() =>
        new("--data-dir") { Description = "The controller's data folder (default: OpenCpm:DataDirectory from the settings, else ~/.local/share/opencpm)." };
}
