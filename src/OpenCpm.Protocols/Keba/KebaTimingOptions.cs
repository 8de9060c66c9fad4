namespace OpenCpm.Protocols.Keba;

/// <summary>The programmer's guide's timing rules for one station (defaults are the guide's values).</summary>
public sealed record KebaTimingOptions
{
    /// <summary>
    /// t_UDP_pause: minimum gap between two datagrams to one station. The guide says 100 ms; stations in the field drop
    /// a command that arrives sooner after the last, and delays on the way shorten the gap the station sees, so the
    /// default keeps a margin of 50 ms.
    /// </summary>
    public TimeSpan DatagramSpacing { get; init; } = TimeSpan.FromMilliseconds(150);

    /// <summary>t_COM_pause: minimum gap between two sends of the identical command (e.g. polling <c>report 2</c>).</summary>
    public TimeSpan IdenticalCommandSpacing { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>t_DIS_pause: quiet time after <c>ena 0</c> or <c>currtime 0 …</c>.</summary>
    public TimeSpan DisableQuietTime { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Minimum time between two <c>x2</c> phase switches (exactly 300 s can still be refused, so a little more).</summary>
    public TimeSpan PhaseSwitchLockout { get; init; } = TimeSpan.FromSeconds(301);

    /// <summary>How long to wait for the reply to one datagram.</summary>
    public TimeSpan ReplyTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Sends of one command before it counts as timed out (first try included).</summary>
    public int MaxAttempts { get; init; } = 3;
}
