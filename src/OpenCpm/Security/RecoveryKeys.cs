using System.Security.Cryptography;
using System.Text;
using OpenCpm.Data;

namespace OpenCpm.Security;

/// <summary>
/// The recovery key (manual 8.2.1): drawn at the controller's first start and shown once (<see cref="GeneratedKey"/>:
/// the demo prints it, `opencpm run` writes it to a file only its owner can read), it resets a forgotten admin
/// password. Only its SHA-256 is kept, in the data folder's <see cref="HashFileName"/> (owner-only): the key holds
/// 125 random bits, so no slow hash is needed. Kept for the product's life: a factory reset leaves it.
/// </summary>
internal sealed class RecoveryKeys(StorageOptions storage) : IHostedLifecycleService
{
    public const string HashFileName = "recovery-key.sha256";

    /// <summary>Where `opencpm run` keeps the key itself for its owner (0600); the demo only prints it.</summary>
    public const string KeyFileName = "recovery-key.txt";

    /// <summary>Crockford's base 32: no I, L, O or U, so the key reads back from paper.</summary>
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int Groups = 5;
    private const int GroupLength = 5;

    private string HashPath => Path.Combine(storage.DataDirectory, HashFileName);

    private string KeyPath => Path.Combine(storage.DataDirectory, KeyFileName);

    /// <summary>The key drawn at this start (the first one), to show once; null when one existed.</summary>
    public string? GeneratedKey { get; private set; }

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        GeneratedKey = Ensure();
        return Task.CompletedTask;
    }

    /// <summary>Draws and stores a key when there is none; returns it, or null when one existed.</summary>
    public string? Ensure()
    {
        if (File.Exists(HashPath))
        {
            return null;
        }

        return Draw();
    }

    /// <summary>The key as kept in the data folder's <see cref="KeyFileName"/>; null where only its hash is kept.</summary>
    public string? StoredKey() => File.Exists(KeyPath) ? File.ReadAllText(KeyPath).Trim() is { Length: > 0 } key ? key : null : null;

    /// <summary>
    /// Draws a new key in place of the old one, which stops working; the key file is rewritten where there is one.
    /// Returns the new key, to show once.
    /// </summary>
    public string Renew()
    {
        var keep = File.Exists(KeyPath);
        var key = Draw();
        if (keep)
        {
            WriteOwnerOnly(KeyPath, key + "\n");
        }

        return key;
    }

    private string Draw()
    {
        var key = string.Join('-', Enumerable.Range(0, Groups).Select(_ => RandomNumberGenerator.GetString(Alphabet, GroupLength)));
        Directory.CreateDirectory(storage.DataDirectory);
        WriteOwnerOnly(HashPath, Hash(key) + "\n");
        return key;
    }

    /// <summary>Whether <paramref name="key"/> is the controller's (spaces, dashes, case and look-alikes forgiven).</summary>
    public bool Verify(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!File.Exists(HashPath))
        {
            return false;
        }

        var stored = Encoding.ASCII.GetBytes(File.ReadAllText(HashPath).Trim());
        return CryptographicOperations.FixedTimeEquals(stored, Encoding.ASCII.GetBytes(Hash(key)));
    }

    /// <summary>Writes a file that only its owner can read and write (0600) where the file system knows modes.</summary>
    public static void WriteOwnerOnly(string path, string text)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(path, options))
        using (var writer = new StreamWriter(stream, new UTF8Encoding(false)))
        {
            writer.Write(text);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite); // an existing file keeps its mode otherwise
        }
    }

    private static string Hash(string key)
    {
        var normalized = new string([.. key.ToUpperInvariant().Where(c => c is not ('-' or ' ')).Select(c => c switch
        {
            'O' => '0',
            'I' or 'L' => '1',
            _ => c,
        })]);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
