using OpenCpm.Tests.Shared;
using OpenCpm.Updates;

namespace OpenCpm.Tests.Updates;

/// <summary>A temporary install folder (versions/, current, previous) and a test signing key, with the host settings that point a controller at them.</summary>
internal sealed class InstallRootFixture : IDisposable
{
    private readonly TempDirectory _folder = new();

    public InstallRootFixture()
    {
        Key = new TestSigningKey(_folder.Path);
        Root = new InstallFolder(_folder.File("install"));
        Directory.CreateDirectory(Root.VersionsPath);
    }

    public TestSigningKey Key { get; }

    public InstallFolder Root { get; }

    public string Path => _folder.Path;

    public IReadOnlyList<string> HostArgs => [$"--Update:InstallRoot={Root.Root}", $"--Update:PublicKeyFile={Key.PublicKeyFile}"];

    /// <summary>An installed version folder holding only its manifest (enough for a controller that runs from elsewhere).</summary>
    public void AddVersion(string version)
    {
        Directory.CreateDirectory(Root.VersionPath(version));
        File.WriteAllText(System.IO.Path.Combine(Root.VersionPath(version), UpdateManifest.FileName), $"{{\"version\":\"{version}\"}}");
    }

    /// <summary>A signed package of a small application folder.</summary>
    public async Task<string> PackAsync(string version)
    {
        var app = _folder.File("app-" + version);
        Directory.CreateDirectory(app);
        File.WriteAllText(System.IO.Path.Combine(app, "opencpm.dll"), "version " + version);
        var path = _folder.File($"opencpm-{version}.ocpu");
        await UpdatePackageWriter.WriteAsync(app, version, Key.Key, path, include: null, TestContext.Current.CancellationToken);
        return path;
    }

    public void Dispose()
    {
        Key.Dispose();
        _folder.Dispose();
    }
}
