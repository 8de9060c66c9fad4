namespace OpenCpm.Updates;

/// <summary>One file of an update package: its path in the application folder ('/' separated), size and SHA-256 (hex).</summary>
internal sealed record UpdateFile(string Path, long Size, string Sha256);
