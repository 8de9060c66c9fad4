using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;

namespace OpenCpm.Updates;

/// <summary>
/// Makes an update package from an application folder (`opencpm update pack`, and the tests): the manifest with each
/// file's size and SHA-256, its signature with the release's private key, and the files under <c>files/</c>.
/// </summary>
internal static class UpdatePackageWriter
{
    public static async Task<UpdateManifest> WriteAsync(
        string sourceDirectory, string version, ECDsa privateKey, string outputPath, Func<string, bool>? include, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        if (!UpdateVersion.IsValid(version))
        {
            throw new UpdatePackageException($"The version \"{version}\" is not MAJOR.MINOR.PATCH.");
        }

        var root = Path.GetFullPath(sourceDirectory);
        var paths = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(root, p).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(p => p != UpdateManifest.FileName && (include?.Invoke(p) ?? true))
            .Order(StringComparer.Ordinal)
            .ToList();
        var files = new List<UpdateFile>(paths.Count);
        foreach (var path in paths)
        {
            var full = Path.Combine(root, path);
            await using var stream = File.OpenRead(full);
            var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
            var executable = !OperatingSystem.IsWindows() && File.GetUnixFileMode(full).HasFlag(UnixFileMode.UserExecute);
            files.Add(new UpdateFile(path, stream.Length, hash, executable));
        }

        var manifest = new UpdateManifest { Version = version, Files = files };
        var manifestBytes = JsonSerializer.SerializeToUtf8Bytes(manifest, UpdateJson.Options);
        await using var output = new FileStream(outputPath, FileMode.Create, FileAccess.ReadWrite, FileShare.None);
        await using var zip = await ZipArchive.CreateAsync(output, ZipArchiveMode.Create, leaveOpen: false, entryNameEncoding: null, cancellationToken);
        await AddAsync(zip, UpdateManifest.FileName, manifestBytes, cancellationToken);
        await AddAsync(zip, UpdateManifest.SignatureFileName, System.Text.Encoding.ASCII.GetBytes(UpdateSignature.Sign(manifestBytes, privateKey)), cancellationToken);
        foreach (var file in files)
        {
            var entry = zip.CreateEntry(UpdateManifest.FilesFolder + file.Path, CompressionLevel.Fastest);
            await using var target = await entry.OpenAsync(cancellationToken);
            await using var source = File.OpenRead(Path.Combine(root, file.Path));
            await source.CopyToAsync(target, cancellationToken);
        }

        return manifest;
    }

    private static async Task AddAsync(ZipArchive zip, string name, byte[] content, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.NoCompression);
        await using var stream = await entry.OpenAsync(cancellationToken);
        await stream.WriteAsync(content, cancellationToken);
    }
}
