using System.Net;
using System.Text.RegularExpressions;
using OpenCpm.Security;
using OpenCpm.Settings;

namespace OpenCpm.Data;

/// <summary>
/// The external grid meter (Modbus TCP): which profile, where, and how often to read it. The profile must also be
/// known to the controller (<see cref="Meter.KnownMeterProfileRule"/>).
/// </summary>
internal sealed partial record MeterSettings : ISettingsDocument<MeterSettings>
{
    /// <summary>A DNS name has at most 253 characters.</summary>
    public const int MaxHostLength = 253;

    public const int MaxProfileIdLength = 64;

    public static string Key => "meter";

    public static MeterSettings Default { get; } = new();

    public bool Enabled { get; init; }

    /// <summary>A meter profile id (see `opencpm meter profiles`).</summary>
    public string? ProfileId { get; init; }

    public string? Host { get; init; }

    public int Port { get; init; } = 502;

    public int UnitId { get; init; } = 1;

    public double PollSeconds { get; init; } = 1;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Enabled && string.IsNullOrWhiteSpace(ProfileId))
        {
            errors.Add("The meter profile must be given when the meter is enabled.");
        }

        if (ProfileId is { Length: > MaxProfileIdLength })
        {
            errors.Add(FormattableString.Invariant($"The meter profile may have at most {MaxProfileIdLength} characters but has {ProfileId.Length}."));
        }

        if (Enabled && string.IsNullOrWhiteSpace(Host))
        {
            errors.Add("The meter's host must be given when the meter is enabled.");
        }
        else if (Host is { Length: > 0 } host && HostProblem(host) is { } problem)
        {
            errors.Add($"The meter's host {problem} but is \"{LogText.Escape(host)}\".");
        }

        if (Port is < 1 or > 65535)
        {
            errors.Add(FormattableString.Invariant($"The meter's port must be 1..65535 but is {Port}."));
        }

        if (UnitId is < 0 or > 255)
        {
            errors.Add(FormattableString.Invariant($"The meter's Modbus unit id must be 0..255 but is {UnitId}."));
        }

        if (!(PollSeconds is >= 0.1 and <= 60))
        {
            errors.Add(FormattableString.Invariant($"The meter's poll period must be 0.1..60 s but is {PollSeconds} s."));
        }

        return errors;
    }

    /// <summary>
    /// Null when <paramref name="host"/> is a host name (letters, digits and '-' in dot-separated labels) or one
    /// device's IP address written plainly; else what it must be (no scheme, port, path, user or whitespace).
    /// </summary>
    public static string? HostProblem(string host)
    {
        if (host.Length > MaxHostLength)
        {
            return FormattableString.Invariant($"may have at most {MaxHostLength} characters");
        }

        if (IPAddress.TryParse(host, out _) && host.Contains(':', StringComparison.Ordinal))
        {
            return InstallationRules.AddressProblem(host, ipv4Only: false);
        }

        if (!HostName().IsMatch(host))
        {
            return "must be a host name or an IP address, without scheme, port, path or spaces";
        }

        return host.Split('.').All(label => label.All(char.IsAsciiDigit)) ? InstallationRules.AddressProblem(host, ipv4Only: true) : null;
    }

    [GeneratedRegex(@"^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$")]
    private static partial Regex HostName();
}
