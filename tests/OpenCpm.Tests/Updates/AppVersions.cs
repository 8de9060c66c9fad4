using System.Runtime.InteropServices;
using OpenCpm.Updates;

namespace OpenCpm.Tests.Updates;

/// <summary>
/// Real application folders for update tests, made from this build's copy of the controller (next to the test
/// assembly): the program's own files are copied, the rest linked, so a version folder is made in milliseconds.
/// </summary>
internal static class AppVersions
{
    private static readonly string[] Copied = ["opencpm.dll", "opencpm.deps.json", "opencpm.runtimeconfig.json", "appsettings.json"];

    private static readonly string[] TestOnly = ["xunit", "OpenCpm.Tests", "Microsoft.Testing", "Microsoft.TestPlatform", "Microsoft.ApplicationInsights", "FsCheck", "FSharp", "Interop/"];

    /// <summary>Folders of translated messages of libraries: not needed to run.</summary>
    private static readonly string[] Cultures = ["cs", "de", "es", "fr", "it", "ja", "ko", "pl", "pt-BR", "ru", "tr", "zh-Hans", "zh-Hant"];

    public static string BuildFolder => Path.GetDirectoryName(typeof(OpenCpm.Cli.CommandLine).Assembly.Location)!;

    /// <summary>Installs <paramref name="version"/> into <paramref name="root"/>'s versions folder.</summary>
    public static void Install(InstallFolder root, string version)
    {
        var target = root.VersionPath(version);
        Directory.CreateDirectory(target);
        foreach (var entry in Directory.EnumerateFileSystemEntries(BuildFolder))
        {
            var name = Path.GetFileName(entry);
            var path = Path.Combine(target, name);
            if (Copied.Contains(name, StringComparer.Ordinal))
            {
                File.Copy(entry, path);
            }
            else if (Directory.Exists(entry))
            {
                Directory.CreateSymbolicLink(path, entry);
            }
            else
            {
                File.CreateSymbolicLink(path, entry);
            }
        }

        File.WriteAllText(Path.Combine(target, UpdateManifest.FileName), $"{{\"version\":\"{version}\"}}");
    }

    /// <summary>What a release package of this build holds: the program and its libraries for this platform, no test files.</summary>
    public static bool InPackage(string path) =>
        !TestOnly.Any(t => path.StartsWith(t, StringComparison.Ordinal))
        && (!path.StartsWith("runtimes/", StringComparison.Ordinal) || path.StartsWith($"runtimes/{RuntimeInformation.RuntimeIdentifier}/", StringComparison.Ordinal))
        && !Cultures.Contains(path.Split('/')[0], StringComparer.Ordinal);
}
