namespace OpenCpm.Updates;

/// <summary>
/// One file of an update package: its path in the application folder ('/' separated), size, SHA-256 (hex) and whether
/// it is a program to run (the <c>opencpm</c> launcher), which gets mode 755.
/// </summary>
internal sealed record UpdateFile(string Path, long Size, string Sha256, bool Executable = false);
