using System.Globalization;
using System.Security.Cryptography;
using OpenCpm.Data;

namespace OpenCpm.Provisioning;

/// <summary>
/// The controller's serial number, which names its configuration file (manual 7.2.3): the host setting
/// <c>OpenCpm:Serial</c> when given (a real box sets it from its name plate), else 8 digits drawn once and kept in the
/// data folder's <c>controller-serial</c> file, which a factory reset keeps.
/// </summary>
internal sealed class ControllerIdentity(StorageOptions storage, IConfiguration configuration)
{
    public const string FileName = "controller-serial";
    public const string SettingName = "OpenCpm:Serial";

    private readonly Lazy<string> _serial = new(() => Load(storage.DataDirectory, configuration[SettingName]));

    public string Serial => _serial.Value;

    private static string Load(string dataDirectory, string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.Trim();
        }

        var path = Path.Combine(dataDirectory, FileName);
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: > 0 } stored)
        {
            return stored;
        }

        Directory.CreateDirectory(dataDirectory);
        var serial = RandomNumberGenerator.GetInt32(10_000_000, 100_000_000).ToString(CultureInfo.InvariantCulture);
        File.WriteAllText(path, serial + "\n");
        return serial;
    }
}
