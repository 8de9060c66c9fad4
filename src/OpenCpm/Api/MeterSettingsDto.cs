using OpenCpm.Data;

namespace OpenCpm.Api;

/// <summary>The external grid meter's settings: profile id, host, port, Modbus unit, poll period.</summary>
internal sealed record MeterSettingsDto
{
    public bool Enabled { get; init; }

    public string? Profile { get; init; }

    public string? Host { get; init; }

    public int Port { get; init; } = 502;

    public int Unit { get; init; } = 1;

    public double PollSeconds { get; init; } = 1;

    public static MeterSettingsDto From(MeterSettings s) =>
        new() { Enabled = s.Enabled, Profile = s.ProfileId, Host = s.Host, Port = s.Port, Unit = s.UnitId, PollSeconds = s.PollSeconds };

    public MeterSettings ToSettings() =>
        new() { Enabled = Enabled, ProfileId = Profile, Host = Host, Port = Port, UnitId = Unit, PollSeconds = PollSeconds };
}
