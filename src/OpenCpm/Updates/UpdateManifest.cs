namespace OpenCpm.Updates;

/// <summary>
/// What an update package holds (docs/provisioning.md): the product, its version and every file with its size and
/// SHA-256. The package's signature covers the exact bytes of this manifest, and the manifest covers every file.
/// </summary>
internal sealed record UpdateManifest
{
    public const string FileName = "manifest.json";
    public const string SignatureFileName = "manifest.sig";
    public const string FilesFolder = "files/";
    public const string ProductId = "opencpm";
    public const int CurrentFormat = 1;

    public int Format { get; init; } = CurrentFormat;

    public string Product { get; init; } = ProductId;

    public required string Version { get; init; }

    public required IReadOnlyList<UpdateFile> Files { get; init; }
}
