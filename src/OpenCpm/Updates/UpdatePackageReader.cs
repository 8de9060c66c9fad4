using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;

namespace OpenCpm.Updates;

/// <summary>
/// Reads an update package (docs/provisioning.md) and refuses it with a reason unless every check holds: a ZIP with
/// <c>manifest.json</c> signed by the product's key in <c>manifest.sig</c>, a manifest of this product naming safe
/// paths, every file under <c>files/</c> listed and every listed file there, and — while extracting — every file of
/// the size and SHA-256 its manifest gives. The signature covers the manifest, the manifest covers every byte.
/// </summary>
internal sealed class UpdatePackageReader : IDisposable
{
    public const long MaxManifestBytes = 4 * 1024 * 1024;
    public const int MaxFiles = 20_000;
    public const long MaxTotalBytes = 2L * 1024 * 1024 * 1024;

    private readonly ZipArchive _zip;

    private UpdatePackageReader(ZipArchive zip, UpdateManifest manifest)
    {
        _zip = zip;
        Manifest = manifest;
    }

    public UpdateManifest Manifest { get; }

    /// <summary>The manifest's exact bytes (kept beside the installed version).</summary>
    public byte[] ManifestBytes { get; private init; } = [];

    /// <summary>Opens and checks <paramref name="package"/> (left open until disposed); throws <see cref="UpdatePackageException"/> with the reason.</summary>
    public static UpdatePackageReader Open(Stream package, ECDsa publicKey)
    {
        ArgumentNullException.ThrowIfNull(package);
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: false);
        }
        catch (InvalidDataException e)
        {
            throw new UpdatePackageException("The file is not an update package: it is not a ZIP archive.", e);
        }

        try
        {
            var manifestBytes = ReadSmall(zip, UpdateManifest.FileName, "has no manifest.json: it is not an OpenCPM update package");
            var signature = System.Text.Encoding.ASCII.GetString(ReadSmall(zip, UpdateManifest.SignatureFileName, "has no manifest.sig: it is not signed"));
            if (!UpdateSignature.Verify(manifestBytes, signature, publicKey))
            {
                throw new UpdatePackageException("The package's signature does not match: it was changed after it was signed, or it was not signed with OpenCPM's key.");
            }

            var manifest = Parse(manifestBytes);
            CheckEntries(zip, manifest);
            return new UpdatePackageReader(zip, manifest) { ManifestBytes = manifestBytes };
        }
        catch
        {
            zip.Dispose();
            throw;
        }
    }

    /// <summary>Writes every file into <paramref name="target"/> (created), checking each one's size and SHA-256.</summary>
    public async Task ExtractAsync(string target, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(target);
        Directory.CreateDirectory(root);
        foreach (var file in Manifest.Files)
        {
            var path = Path.GetFullPath(Path.Combine(root, file.Path));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var entry = _zip.GetEntry(UpdateManifest.FilesFolder + file.Path)!;
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long written = 0;
            await using (var source = await entry.OpenAsync(cancellationToken))
            await using (var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
            {
                var buffer = new byte[64 * 1024];
                int read;
                while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    written += read;
                    if (written > file.Size)
                    {
                        throw new UpdatePackageException($"files/{file.Path} is larger than its manifest says ({file.Size} bytes): the package was changed.");
                    }

                    hash.AppendData(buffer, 0, read);
                    await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }

            if (written != file.Size || !string.Equals(Convert.ToHexStringLower(hash.GetHashAndReset()), file.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                throw new UpdatePackageException($"files/{file.Path} does not match its SHA-256 in the manifest: the package was changed after it was signed.");
            }

            if (file.Executable && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                    | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            }
        }

        await File.WriteAllBytesAsync(Path.Combine(root, UpdateManifest.FileName), ManifestBytes, cancellationToken);
    }

    public void Dispose() => _zip.Dispose();

    private static byte[] ReadSmall(ZipArchive zip, string name, string missing)
    {
        var entry = zip.GetEntry(name) ?? throw new UpdatePackageException($"The package {missing}.");
        if (entry.Length > MaxManifestBytes)
        {
            throw new UpdatePackageException(string.Create(CultureInfo.InvariantCulture, $"The package's {name} has {entry.Length} bytes; at most {MaxManifestBytes} are allowed."));
        }

        // Read no more than the limit, whatever the archive's directory claims.
        using var stream = entry.Open();
        var buffer = new byte[MaxManifestBytes + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0)
        {
            total += read;
        }

        if (total > MaxManifestBytes)
        {
            throw new UpdatePackageException(string.Create(CultureInfo.InvariantCulture, $"The package's {name} is larger than {MaxManifestBytes} bytes."));
        }

        return buffer[..total];
    }

    private static UpdateManifest Parse(byte[] bytes)
    {
        UpdateManifest manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<UpdateManifest>(bytes, UpdateJson.Options) ?? throw new JsonException("null");
        }
        catch (JsonException e)
        {
            throw new UpdatePackageException($"The package's manifest.json can't be read: {e.Message}", e);
        }

        if (manifest.Format != UpdateManifest.CurrentFormat)
        {
            throw new UpdatePackageException(string.Create(CultureInfo.InvariantCulture, $"The package has format {manifest.Format}; this controller installs format {UpdateManifest.CurrentFormat}."));
        }

        if (manifest.Product != UpdateManifest.ProductId)
        {
            throw new UpdatePackageException($"The package is for \"{manifest.Product}\", not for {UpdateManifest.ProductId}.");
        }

        if (!UpdateVersion.IsValid(manifest.Version))
        {
            throw new UpdatePackageException($"The package's version \"{manifest.Version}\" is not MAJOR.MINOR.PATCH.");
        }

        if (manifest.Files.Count is 0 or > MaxFiles || manifest.Files.Sum(f => f.Size) > MaxTotalBytes)
        {
            throw new UpdatePackageException(string.Create(CultureInfo.InvariantCulture, $"The package must hold 1 to {MaxFiles} files of at most {MaxTotalBytes} bytes in all."));
        }

        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in manifest.Files)
        {
            if (!IsSafePath(file.Path) || file.Size < 0 || file.Sha256 is not { Length: 64 })
            {
                throw new UpdatePackageException($"The manifest's entry \"{file.Path}\" is not a safe relative path with a size and a SHA-256.");
            }

            if (!paths.Add(file.Path) || file.Path == UpdateManifest.FileName)
            {
                throw new UpdatePackageException($"The manifest names \"{file.Path}\" twice, or names its own file.");
            }
        }

        return manifest;
    }

    private static void CheckEntries(ZipArchive zip, UpdateManifest manifest)
    {
        var listed = manifest.Files.Select(f => UpdateManifest.FilesFolder + f.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
        {
            var name = entry.FullName;
            if (name is UpdateManifest.FileName or UpdateManifest.SignatureFileName || (name.EndsWith('/') && entry.Length == 0))
            {
                continue;
            }

            if (!listed.Remove(name))
            {
                throw new UpdatePackageException($"The package holds \"{name}\", which its manifest does not list: it was changed after it was signed.");
            }
        }

        if (listed.Count > 0)
        {
            throw new UpdatePackageException($"The package lacks \"{listed.Order(StringComparer.Ordinal).First()}\", which its manifest lists.");
        }
    }

    private static bool IsSafePath(string path) =>
        path.Length is > 0 and < 1024
        && !path.StartsWith('/')
        && path.IndexOfAny(['\\', ':', '\0']) < 0
        && !path.Any(char.IsControl)
        && path.Split('/').All(segment => segment is not ("" or "." or ".."));
}
