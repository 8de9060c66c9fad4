using System.CommandLine;

namespace OpenCpm.Cli;

/// <summary>
/// The host settings `opencpm run` and `opencpm demo` take besides their own options: the KEBA interface's local
/// address, and any setting of appsettings.json as <c>--setting Section:Key=Value</c> (written <c>--Section:Key=Value</c>
/// for short, as ASP.NET Core hosts take them).
/// </summary>
internal sealed class HostSettingOptions
{
    public Option<string?> KebaAddress { get; } = new("--keba-address")
    {
        Description = "Local IPv4 address of the KEBA UDP socket (port 7090). Default 0.0.0.0 (every interface); give one address to run a simulated station (`opencpm station simulate`) on another address of the same machine.",
    };

    public Option<string[]> Settings { get; } = new("--setting")
    {
        Description = "A host setting as Section:Key=Value, e.g. --setting Serilog:MinimumLevel:Default=Debug (also written --Serilog:MinimumLevel:Default=Debug). Repeatable.",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(KebaAddress);
        command.Options.Add(Settings);
        command.Validators.Add(result =>
        {
            foreach (var setting in result.GetValue(Settings) ?? [])
            {
                if (!IsSetting(setting))
                {
                    result.AddError($"--setting must be Section:Key=Value but was \"{setting}\".");
                }
            }
        });
    }

    /// <summary>The settings as the host's command-line configuration takes them (<c>--Section:Key=Value</c>).</summary>
    public IReadOnlyList<string> HostArgs(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var args = (parseResult.GetValue(Settings) ?? []).Select(s => "--" + s).ToList();
        if (parseResult.GetValue(KebaAddress) is { } address)
        {
            args.Add($"--Keba:Address={address}");
        }

        return args;
    }

    /// <summary>Rewrites <c>--Section:Key=Value</c> arguments to <c>--setting Section:Key=Value</c> before parsing.</summary>
    public static string[] Expand(string[] args) =>
        [.. args.SelectMany(a => a.StartsWith("--", StringComparison.Ordinal) && IsSetting(a[2..]) ? ["--setting", a[2..]] : new[] { a })];

    private static bool IsSetting(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return equals > 0 && colon > 0 && colon < equals;
    }
}
