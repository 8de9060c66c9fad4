namespace OpenCpm.Core.LoadManagement;

/// <summary>
/// When each charge point was last switched on (setpoint from 0 to a current) or off (to 0), so that outside safety
/// reductions a vehicle keeps a start or a pause for at least the minimum dwell time (load-management.md section 4).
/// A start is kept by admission itself (active charges are admitted first, rotation waits a full period); this keeps
/// a vehicle the controller paused from being started again too soon.
/// </summary>
internal sealed class SwitchDwell(int chargePoints, TimeSpan dwell)
{
    private readonly bool[] _on = new bool[chargePoints];
    private readonly bool[] _switched = new bool[chargePoints];
    private readonly DateTimeOffset[] _switchedAt = new DateTimeOffset[chargePoints];

    /// <summary>True while a charge point paused by the controller must stay paused.</summary>
    public bool MustStayOff(int cp, DateTimeOffset now) => !_on[cp] && _switched[cp] && now - _switchedAt[cp] < dwell;

    /// <summary>Records the setpoint of this cycle.</summary>
    public void Record(int cp, bool on, DateTimeOffset now)
    {
        if (on != _on[cp])
        {
            _on[cp] = on;
            _switched[cp] = true;
            _switchedAt[cp] = now;
        }
    }

    /// <summary>A new session (or an unreachable station) starts without a dwell.</summary>
    public void Forget(int cp)
    {
        _on[cp] = false;
        _switched[cp] = false;
    }

    public void CopyFrom(SwitchDwell other, int from, int to)
    {
        _on[to] = other._on[from];
        _switched[to] = other._switched[from];
        _switchedAt[to] = other._switchedAt[from];
    }
}
