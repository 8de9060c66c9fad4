using System.Text.RegularExpressions;

namespace OpenCpm.Provisioning;

/// <summary>
/// The manual's rule for file names (7.2.3): a name that carries a serial (a run of 6 or more digits) is for that
/// controller only; only a file named without a serial, and without per-device entries, configures any controller.
/// </summary>
internal static partial class ConfigFileNames
{
    /// <summary>The serial the name carries, or null.</summary>
    public static string? SerialIn(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var match = SerialPattern().Match(Path.GetFileNameWithoutExtension(fileName));
        return match.Success ? match.Value : null;
    }

    [GeneratedRegex(@"(?<![0-9])[0-9]{6,}(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex SerialPattern();
}
