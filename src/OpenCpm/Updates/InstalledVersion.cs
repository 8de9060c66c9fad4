using System.Reflection;
using System.Text.Json;

namespace OpenCpm.Updates;

/// <summary>
/// The version of the running controller: the one of the update package it was installed from (its
/// <see cref="UpdateManifest.FileName"/> beside the program), else the assembly's informational version (a build).
/// </summary>
internal sealed class InstalledVersion
{
    public InstalledVersion()
        : this(AppContext.BaseDirectory)
    {
    }

    public InstalledVersion(string applicationDirectory)
    {
        ApplicationDirectory = applicationDirectory;
        Version = FromManifest(applicationDirectory) ?? FromAssembly();
    }

    public string ApplicationDirectory { get; }

    public string Version { get; }

    private static string? FromManifest(string directory)
    {
        var path = Path.Combine(directory, UpdateManifest.FileName);
        try
        {
            return File.Exists(path) ? JsonDocument.Parse(File.ReadAllBytes(path)).RootElement.GetProperty("version").GetString() : null;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IOException)
        {
            return null;
        }
    }

    private static string FromAssembly()
    {
        var version = typeof(InstalledVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}
