namespace OpenCpm.Protocols.Keba;

/// <summary>
/// Pure bookkeeping of one station's timing rules: when the next command may go out. Not thread-safe;
/// <see cref="KebaStationLink"/> uses it from its single sender.
/// </summary>
public sealed class KebaTimingGate(KebaTimingOptions options)
{
    private readonly Dictionary<string, DateTimeOffset> _lastByText = new(StringComparer.Ordinal);
    private DateTimeOffset? _lastSend;
    private DateTimeOffset? _lastDisable;
    private DateTimeOffset? _lastPhaseSwitch;

    /// <summary>The earliest time <paramref name="command"/> may be sent. A retry ignores the identical-command rule.</summary>
    public DateTimeOffset EarliestSend(KebaCommand command, DateTimeOffset now, bool retry = false)
    {
        ArgumentNullException.ThrowIfNull(command);
        var at = now;
        if (_lastSend is { } last)
        {
            at = Max(at, last + options.DatagramSpacing);
        }

        if (_lastDisable is { } disable)
        {
            at = Max(at, disable + options.DisableQuietTime);
        }

        // t_COM_pause applies to repeated polls (report 1/2/3…); a setpoint must never wait 5 s behind an earlier one.
        if (!retry && command.Keyword == "report" && _lastByText.TryGetValue(command.Text, out var same))
        {
            at = Max(at, same + options.IdenticalCommandSpacing);
        }

        return at;
    }

    /// <summary>Whether an <c>x2</c> switch is allowed now (more than the lock-out since the last one).</summary>
    public bool PhaseSwitchAllowed(DateTimeOffset now) => _lastPhaseSwitch is not { } last || now - last >= options.PhaseSwitchLockout;

    public TimeSpan PhaseSwitchWait(DateTimeOffset now) =>
        _lastPhaseSwitch is { } last && now - last < options.PhaseSwitchLockout ? options.PhaseSwitchLockout - (now - last) : TimeSpan.Zero;

    public void RecordSent(KebaCommand command, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        _lastSend = now;
        _lastByText[command.Text] = now;
        if (command.IsDisabling)
        {
            _lastDisable = now;
        }

        if (command.IsPhaseSwitch)
        {
            _lastPhaseSwitch = now;
        }

        if (_lastByText.Count > 64)
        {
            // Old entries only matter for IdenticalCommandSpacing; drop the ones past it.
            foreach (var key in _lastByText.Where(kv => now - kv.Value > options.IdenticalCommandSpacing).Select(kv => kv.Key).ToList())
            {
                _lastByText.Remove(key);
            }
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
