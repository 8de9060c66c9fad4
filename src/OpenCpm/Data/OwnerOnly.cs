namespace OpenCpm.Data;

/// <summary>
/// The data folder holds password hashes, token hashes and the backend's key: on Unix it is readable by the owner
/// only (folder 0700, files 0600). Nothing to do on Windows, where the folder inherits the user's profile ACLs.
/// </summary>
internal static class OwnerOnly
{
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates the folder if needed and makes it the owner's only.</summary>
    public static void EnsureFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        Directory.CreateDirectory(path, FolderMode);
        File.SetUnixFileMode(path, FolderMode);
    }

    /// <summary>Creates an empty file readable by the owner only, unless it exists (then only its mode is set).</summary>
    public static void EnsureFile(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        if (!File.Exists(path))
        {
            using var created = new FileStream(path, new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = FileMode });
        }

        File.SetUnixFileMode(path, FileMode);
    }

    /// <summary>Sets every existing file in <paramref name="folder"/> matching <paramref name="pattern"/> to the owner only.</summary>
    public static void Restrict(string folder, string pattern)
    {
        if (OperatingSystem.IsWindows() || !Directory.Exists(folder))
        {
            return;
        }

        foreach (var path in Directory.EnumerateFiles(folder, pattern))
        {
            File.SetUnixFileMode(path, FileMode);
        }
    }
}
