namespace OpenCpm.Data;

/// <summary>The external grid meter (Modbus TCP): which profile, where, and how often to read it.</summary>
internal sealed record MeterSettings : ISettingsDocument<MeterSettings>
{
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

        if (Enabled && string.IsNullOrWhiteSpace(Host))
        {
            errors.Add("The meter's host must be given when the meter is enabled.");
        }

        if (Port is < 1 or > 65535)
        {
            errors.Add(FormattableString.Invariant($"The meter's port must be 1..65535 but is {Port}."));
        }

        if (UnitId is < 0 or > 255)
        {
            errors.Add(FormattableString.Invariant($"The meter's Modbus unit id must be 0..255 but is {UnitId}."));
        }

        if (PollSeconds is < 0.1 or > 60 || double.IsNaN(PollSeconds))
        {
            errors.Add(FormattableString.Invariant($"The meter's poll period must be 0.1..60 s but is {PollSeconds} s."));
        }

        return errors;
    }
}
