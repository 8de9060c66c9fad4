using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

namespace OpenCpm.Security;

/// <summary>
/// Where the web UI's certificates are kept: owner-only .pfx files (no password) in the data folder's certificates
/// folder, and <see cref="StateFileName"/> naming the one in use and the one before it (the way back). At start the
/// one in use is taken if it still opens and is valid, else the one before, else none (HTTP only), with the reason.
/// </summary>
internal sealed class WebUiCertificateFiles(string dataDirectory)
{
    public const string StateFileName = "webui.json";

    /// <summary>What <see cref="AtStart"/> found wrong (written to the event log once the controller runs).</summary>
    public IReadOnlyList<string> StartProblems { get; private set; } = [];

    public string Folder => Path.Combine(dataDirectory, Maintenance.FactoryReset.CertificatesFolder);

    public WebUiCertificateState ReadState()
    {
        var path = Path.Combine(Folder, StateFileName);
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllText(path), WebUiCertificateStateJson.Default.WebUiCertificateState) ?? new() : new();
        }
        catch (JsonException)
        {
            return new();
        }
    }

    public void WriteState(WebUiCertificateState state)
    {
        Directory.CreateDirectory(Folder);
        RecoveryKeys.WriteOwnerOnly(Path.Combine(Folder, StateFileName), JsonSerializer.Serialize(state, WebUiCertificateStateJson.Default.WebUiCertificateState));
        foreach (var file in Directory.EnumerateFiles(Folder, "webui-*.pfx"))
        {
            var name = Path.GetFileName(file);
            if (name != state.Active && name != state.Previous)
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>Keeps <paramref name="pfx"/> under a new name; returns the name.</summary>
    public string Add(byte[] pfx, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(pfx);
        Directory.CreateDirectory(Folder);
        var name = FormattableString.Invariant($"webui-{now.UtcDateTime:yyyyMMdd-HHmmss}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}.pfx");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(Path.Combine(Folder, name), options))
        {
            stream.Write(pfx);
        }

        return name;
    }

    public string PathOf(string name) => Path.Combine(Folder, name);

    /// <summary>The certificate <paramref name="name"/> as it is now: what it names, or why it can't be used (gone, unreadable, expired).</summary>
    public (WebUiCertificateInfo? Info, string? Problem) Inspect(string name, DateTimeOffset now)
    {
        try
        {
            using var certificate = X509CertificateLoader.LoadPkcs12FromFile(PathOf(name), null, X509KeyStorageFlags.EphemeralKeySet);
            if (!certificate.HasPrivateKey)
            {
                return (null, $"{name} holds no private key.");
            }

            var info = WebUiCertificateInfo.From(certificate);
            return info.NotAfter <= now ? (info, FormattableString.Invariant($"{name} expired on {info.NotAfter:yyyy-MM-dd HH:mm} UTC.")) : (info, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
        {
            return (null, $"{name} can't be read ({e.Message.TrimEnd('.')}).");
        }
    }

    /// <summary>The certificate to serve HTTPS with at start (the one in use, else the one before, else none) and what was wrong on the way.</summary>
    public (string? Path, IReadOnlyList<string> Problems) AtStart(DateTimeOffset now)
    {
        var state = ReadState();
        var problems = new List<string>();
        foreach (var name in new[] { state.Active, state.Previous })
        {
            if (name is null)
            {
                continue;
            }

            var (_, problem) = Inspect(name, now);
            if (problem is null)
            {
                StartProblems = problems;
                return (PathOf(name), problems);
            }

            problems.Add(problem);
        }

        StartProblems = problems;
        return (null, problems);
    }
}
