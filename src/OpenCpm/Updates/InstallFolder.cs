using System.Runtime.InteropServices;
using System.Text.Json;

namespace OpenCpm.Updates;

/// <summary>
/// The installation the controller runs from (docs/provisioning.md): <c>ROOT/versions/VERSION/</c> holds each installed
/// version, the symbolic link <c>ROOT/current</c> points at the one the supervisor starts and <c>ROOT/previous</c> at
/// the one before; <c>ROOT/update-state.json</c> is the last update. Switching versions replaces the link in one
/// atomic rename, so a power cut leaves either the old or the new version, never neither.
/// </summary>
internal sealed class InstallFolder(string root)
{
    public const string VersionsFolder = "versions";
    public const string CurrentLink = "current";
    public const string PreviousLink = "previous";

    public string Root { get; } = Path.GetFullPath(root);

    public string VersionsPath => Path.Combine(Root, VersionsFolder);

    public string StatePath => Path.Combine(Root, UpdateState.FileName);

    /// <summary>
    /// The installation of the running program: <paramref name="configured"/> when given, else found from the program's
    /// folder (<c>ROOT/current</c> or <c>ROOT/versions/VERSION</c>); null when it runs from a build folder.
    /// </summary>
    public static InstallFolder? Find(string? configured, string applicationDirectory)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new InstallFolder(configured);
        }

        var app = new DirectoryInfo(Path.TrimEndingDirectorySeparator(Path.GetFullPath(applicationDirectory)));
        if (app.Parent is { } parent && app.Name == CurrentLink && Directory.Exists(Path.Combine(parent.FullName, VersionsFolder)))
        {
            return new InstallFolder(parent.FullName);
        }

        return app.Parent is { Name: VersionsFolder, Parent: { } installRoot } ? new InstallFolder(installRoot.FullName) : null;
    }

    public string VersionPath(string version) => Path.Combine(VersionsPath, version);

    /// <summary>The version <c>current</c> points at (null when there is no link).</summary>
    public string? Current => LinkedVersion(CurrentLink);

    public string? Previous => LinkedVersion(PreviousLink);

    /// <summary>Points <c>current</c> at <paramref name="version"/> (and <c>previous</c> at what it pointed at before).</summary>
    public void SwitchTo(string version)
    {
        if (!Directory.Exists(VersionPath(version)))
        {
            throw new DirectoryNotFoundException($"Version {version} is not installed in {VersionsPath}.");
        }

        if (Current is { } current && current != version)
        {
            Link(PreviousLink, current);
        }

        Link(CurrentLink, version);
    }

    public UpdateState? ReadState()
    {
        try
        {
            return File.Exists(StatePath) ? JsonSerializer.Deserialize<UpdateState>(File.ReadAllBytes(StatePath), UpdateJson.Options) : null;
        }
        catch (JsonException)
        {
            return null; // a torn or foreign file: as if there had been no update
        }
    }

    /// <summary>Writes the state through a temporary file and a rename (never half written).</summary>
    public void WriteState(UpdateState state)
    {
        var temporary = StatePath + ".tmp";
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(state, UpdateJson.Options));
        File.Move(temporary, StatePath, overwrite: true);
    }

    private string? LinkedVersion(string link)
    {
        var info = new DirectoryInfo(Path.Combine(Root, link));
        return info.LinkTarget is { } target ? Path.GetFileName(Path.TrimEndingDirectorySeparator(target)) : null;
    }

    /// <summary>A new link beside the old one, renamed over it: rename(2) replaces a link atomically.</summary>
    private void Link(string name, string version)
    {
        var path = Path.Combine(Root, name);
        var temporary = Path.Combine(Root, $"{name}.new-{Guid.NewGuid():N}");
        Directory.CreateSymbolicLink(temporary, Path.Combine(VersionsFolder, version));
        if (OperatingSystem.IsWindows())
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path);
            }

            Directory.Move(temporary, path);
            return;
        }

        if (Rename(temporary, path) != 0)
        {
            var error = Marshal.GetLastPInvokeError();
            Directory.Delete(temporary);
            throw new IOException($"{path} could not be switched to version {version} (error {error}).");
        }
    }

#pragma warning disable SYSLIB1054, CA2101 // rename(2) takes the two paths as bytes of the file system's encoding: UTF-8 on Linux
    [DllImport("libc", EntryPoint = "rename", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Rename(string oldPath, string newPath);
#pragma warning restore SYSLIB1054, CA2101
}
