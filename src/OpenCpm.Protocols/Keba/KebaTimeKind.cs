namespace OpenCpm.Protocols.Keba;

/// <summary>What a time in a KEBA session report (<c>started</c>/<c>ended</c>) is measured against.</summary>
public enum KebaTimeKind
{
    /// <summary>No time: a session still running (<c>ended</c>), an empty log entry, or nothing readable.</summary>
    Unknown,

    /// <summary>A UTC date and time: the station's clock was set (NTP, OCPP, web UI or <c>setdatetime</c>).</summary>
    Utc,

    /// <summary>Time since the station booted: its clock was never set, so it counts from start-up.</summary>
    SinceBoot,
}
