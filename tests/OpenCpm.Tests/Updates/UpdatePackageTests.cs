using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OpenCpm.Tests.Shared;
using OpenCpm.Updates;

namespace OpenCpm.Tests.Updates;

public sealed class UpdatePackageTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly TestSigningKey _key;

    public UpdatePackageTests()
    {
        _key = new TestSigningKey(_folder.Path);
        var app = Path.Combine(_folder.Path, "app");
        Directory.CreateDirectory(Path.Combine(app, "runtimes", "linux-x64"));
        File.WriteAllText(Path.Combine(app, "opencpm.dll"), "the program");
        File.WriteAllText(Path.Combine(app, "runtimes", "linux-x64", "native.so"), "native code");
        File.WriteAllText(Path.Combine(app, "opencpm"), "#!/bin/sh\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path.Combine(app, "opencpm"), (UnixFileMode)0b111_101_101);
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_signed_package_opens_and_unpacks_every_file_with_its_manifest()
    {
        var package = await PackAsync("2.0.0");

        using var reader = UpdatePackageReader.Open(File.OpenRead(package), _key.Key);
        var target = _folder.File("out");
        await reader.ExtractAsync(target, Ct);

        Assert.Equal("2.0.0", reader.Manifest.Version);
        Assert.Equal(["opencpm", "opencpm.dll", "runtimes/linux-x64/native.so"], reader.Manifest.Files.Select(f => f.Path));
        Assert.Equal("native code", File.ReadAllText(Path.Combine(target, "runtimes", "linux-x64", "native.so")));
        Assert.Equal("2.0.0", new InstalledVersion(target).Version);
        if (!OperatingSystem.IsWindows())
        {
            Assert.True(File.GetUnixFileMode(Path.Combine(target, "opencpm")).HasFlag(UnixFileMode.UserExecute));
        }
    }

    public static TheoryData<string, string> Tampering => new()
    {
        { "unsigned", "The package has no manifest.sig: it is not signed." },
        { "other key", "The package's signature does not match: it was changed after it was signed, or it was not signed with OpenCPM's key." },
        { "changed file", "files/opencpm.dll does not match its SHA-256 in the manifest: the package was changed after it was signed." },
        { "longer file", "files/opencpm.dll is larger than its manifest says (11 bytes): the package was changed." },
        { "added file", "The package holds \"files/evil.so\", which its manifest does not list: it was changed after it was signed." },
        { "removed file", "The package lacks \"files/opencpm\", which its manifest lists." },
        { "changed manifest", "The package's signature does not match: it was changed after it was signed, or it was not signed with OpenCPM's key." },
        { "escaping path", "The manifest's entry \"../outside\" is not a safe relative path with a size and a SHA-256." },
        { "other product", "The package is for \"someone-else\", not for opencpm." },
        { "not a zip", "The file is not an update package: it is not a ZIP archive." },
    };

    [Theory]
    [MemberData(nameof(Tampering))]
    public async Task A_package_that_is_unsigned_or_was_changed_is_refused_with_the_reason_and_writes_nothing(string change, string reason)
    {
        var package = await PackAsync("2.0.0");
        Tamper(package, change);
        var target = _folder.File("out");

        var refused = await Assert.ThrowsAsync<UpdatePackageException>(async () =>
        {
            using var reader = UpdatePackageReader.Open(File.OpenRead(package), _key.Key);
            await reader.ExtractAsync(target, Ct);
        });

        Assert.Equal(reason, refused.Message);
        Assert.True(!Directory.Exists(target) || change is "changed file" or "longer file", "nothing is unpacked before the package is checked");
    }

    public void Dispose()
    {
        _key.Dispose();
        _folder.Dispose();
    }

    private async Task<string> PackAsync(string version)
    {
        var path = _folder.File($"opencpm-{version}.ocpu");
        await UpdatePackageWriter.WriteAsync(_folder.File("app"), version, _key.Key, path, include: null, Ct);
        return path;
    }

    private void Tamper(string package, string change)
    {
        if (change == "not a zip")
        {
            File.WriteAllText(package, "MZ this is no zip");
            return;
        }

        using var zip = ZipFile.Open(package, ZipArchiveMode.Update);
        switch (change)
        {
            case "unsigned":
                zip.GetEntry("manifest.sig")!.Delete();
                break;
            case "other key":
                using (var other = ECDsa.Create(ECCurve.NamedCurves.nistP256))
                {
                    Replace(zip, "manifest.sig", Convert.ToBase64String(other.SignData(Read(zip, "manifest.json"), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation)));
                }

                break;
            case "changed file":
                Replace(zip, "files/opencpm.dll", "the Program");
                break;
            case "longer file":
                Replace(zip, "files/opencpm.dll", "the program, and more");
                break;
            case "added file":
                Replace(zip, "files/evil.so", "evil");
                break;
            case "removed file":
                zip.GetEntry("files/opencpm")!.Delete();
                break;
            case "changed manifest":
                Replace(zip, "manifest.json", Encoding.UTF8.GetString(Read(zip, "manifest.json")).Replace("2.0.0", "2.0.1", StringComparison.Ordinal));
                break;
            default:
                // A manifest the attacker signs with the right key is still checked: paths stay inside, the product is ours.
                var manifest = JsonSerializer.Deserialize<UpdateManifest>(Read(zip, "manifest.json"), UpdateJson.Options)!;
                manifest = change == "escaping path"
                    ? manifest with { Files = [.. manifest.Files.Select((f, i) => i == 0 ? f with { Path = "../outside" } : f)] }
                    : manifest with { Product = "someone-else" };
                var bytes = JsonSerializer.SerializeToUtf8Bytes(manifest, UpdateJson.Options);
                Replace(zip, "manifest.json", Encoding.UTF8.GetString(bytes));
                Replace(zip, "manifest.sig", UpdateSignature.Sign(bytes, _key.Key));
                break;
        }
    }

    private static byte[] Read(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static void Replace(ZipArchive zip, string name, string content)
    {
        zip.GetEntry(name)?.Delete();
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }
}
