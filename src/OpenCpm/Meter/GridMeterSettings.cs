namespace OpenCpm.Meter;

/// <summary>
/// The "External TCP Meter" settings of the manual (9.4.3): which meter and where, how often to read it, and the
/// limits the allocator applies with it. Stored by the settings store, applied with
/// <see cref="GridMeterPoller.ApplySettings"/>.
/// </summary>
public sealed record GridMeterSettings
{
    public static GridMeterSettings Disabled { get; } = new();

    /// <summary>Meter profile id (see <c>opencpm meter profiles</c>); null = no meter.</summary>
    public string? ProfileId { get; init; }

    /// <summary>Host name or IP address of the meter; null = no meter.</summary>
    public string? Host { get; init; }

    /// <summary>TCP port; null = the profile's default (502).</summary>
    public int? Port { get; init; }

    /// <summary>Modbus unit id; null = the profile's default (1 when the profile has none).</summary>
    public byte? UnitId { get; init; }

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait for the connection and each answer.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Age of the latest reading after which it is stale; null = 3 poll intervals.</summary>
    public TimeSpan? StaleAfter { get; init; }

    /// <summary>Time without a reading after which the meter is lost; null = 10 poll intervals.</summary>
    public TimeSpan? LostAfter { get; init; }

    /// <summary>Maximum current per phase of the network connection (the fuse), amperes.</summary>
    public double? MaxCurrentPerPhaseA { get; init; }

    /// <summary>Maximum charging power allowed for the whole network, watts.</summary>
    public double? MaxChargingPowerW { get; init; }

    /// <summary>Charging power used while the meter is lost; 0 or null = stop charging (manual 9.4.3).</summary>
    public double? FallbackPowerW { get; init; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ProfileId) && !string.IsNullOrWhiteSpace(Host);

    /// <summary>True when losing the meter stops charging.</summary>
    public bool StopsChargingWhenLost => FallbackPowerW is null or <= 0;

    public TimeSpan EffectiveStaleAfter => StaleAfter ?? PollInterval * 3;

    public TimeSpan EffectiveLostAfter => LostAfter ?? PollInterval * 10;

    /// <summary>One sentence per invalid setting; empty when the settings can be applied.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Port is < 1 or > 65535)
        {
            problems.Add($"Meter 'port' must be 1..65535 but was {Port}.");
        }

        if (PollInterval < TimeSpan.FromMilliseconds(100) || PollInterval > TimeSpan.FromMinutes(1))
        {
            problems.Add($"Meter 'pollInterval' must be 0.1..60 s but was {PollInterval.TotalSeconds:0.###} s.");
        }

        if (RequestTimeout < TimeSpan.FromMilliseconds(50) || RequestTimeout > TimeSpan.FromSeconds(30))
        {
            problems.Add($"Meter 'requestTimeout' must be 0.05..30 s but was {RequestTimeout.TotalSeconds:0.###} s.");
        }

        if (EffectiveLostAfter < EffectiveStaleAfter)
        {
            problems.Add($"Meter 'lostAfter' must not be shorter than 'staleAfter' ({EffectiveStaleAfter.TotalSeconds:0.###} s) but was {EffectiveLostAfter.TotalSeconds:0.###} s.");
        }

        AddIfNegative(problems, "maxCurrentPerPhaseA", MaxCurrentPerPhaseA);
        AddIfNegative(problems, "maxChargingPowerW", MaxChargingPowerW);
        AddIfNegative(problems, "fallbackPowerW", FallbackPowerW);
        return problems;
    }

    private static void AddIfNegative(List<string> problems, string name, double? value)
    {
        if (value is < 0 || (value is { } v && !double.IsFinite(v)))
        {
            problems.Add($"Meter '{name}' must be a number of at least 0 but was {value}.");
        }
    }
}
