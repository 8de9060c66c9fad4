namespace OpenCpm.Ocpp;

/// <summary>
/// Host settings of the OCPP link (section <c>Ocpp</c>, e.g. <c>--Ocpp:CallTimeout=00:00:10</c>): how long a CALL waits
/// for its answer, how reconnects back off, and how long a station the controller has not heard since it started
/// is left unreported. What the backend may change lives in the OCPP configuration keys instead.
/// </summary>
internal sealed record OcppLinkOptions
{
    public const string Section = "Ocpp";

    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The first reconnect waits about this long; each failure doubles it (with ±50 % jitter) up to <see cref="ReconnectMaxDelay"/>.</summary>
    public TimeSpan ReconnectMinDelay { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The wait before the next BootNotification when the backend's answer gives no interval (0).</summary>
    public TimeSpan BootRetryInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>A station not heard since the controller started is reported (Faulted) only after this long.</summary>
    public TimeSpan StationGrace { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>What is wrong with the settings, one sentence naming the setting; null when they can be used.</summary>
    public string? Problem() =>
        CallTimeout <= TimeSpan.Zero ? "Ocpp:CallTimeout must be positive."
        : ConnectTimeout <= TimeSpan.Zero ? "Ocpp:ConnectTimeout must be positive."
        : ReconnectMinDelay <= TimeSpan.Zero || ReconnectMaxDelay < ReconnectMinDelay ? "Ocpp:ReconnectMinDelay must be positive and at most Ocpp:ReconnectMaxDelay."
        : BootRetryInterval <= TimeSpan.Zero ? "Ocpp:BootRetryInterval must be positive."
        : StationGrace < TimeSpan.Zero ? "Ocpp:StationGrace must not be negative."
        : null;
}
