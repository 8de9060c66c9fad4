namespace OpenCpm.Core.LoadManagement;

/// <summary>
/// When each charge point was last switched on (setpoint from 0 to a current) and off (to 0), so that nobody is switched
/// on and off every cycle (load-management.md section 4, minimum dwell time). A start is kept by admission itself
/// (active charges are admitted first; only a safety reduction pauses one; rotation waits a full period). A pause is
/// kept for the dwell time when the start before it lasted less than the dwell time: a vehicle is never switched on,
/// off and on again within it. A charge that ran longer and was cut by a brief safety reduction (a household spike, a
/// lost meter reading) may resume as soon as it fits; if it is cut again within the dwell time, that pause is kept.
/// </summary>
internal sealed class SwitchDwell(int chargePoints, TimeSpan dwell)
{
    private readonly bool[] _on = new bool[chargePoints];
    private readonly bool[] _switchedOn = new bool[chargePoints];
    private readonly DateTimeOffset[] _onAt = new DateTimeOffset[chargePoints];
    private readonly DateTimeOffset[] _offAt = new DateTimeOffset[chargePoints];

    /// <summary>True while a charge point the controller paused soon after starting it must stay paused.</summary>
    public bool MustStayOff(int cp, DateTimeOffset now) =>
        !_on[cp] && _switchedOn[cp] && now - _offAt[cp] < dwell && _offAt[cp] - _onAt[cp] < dwell;

    /// <summary>Records the setpoint of this cycle.</summary>
    public void Record(int cp, bool on, DateTimeOffset now)
    {
        if (on == _on[cp])
        {
            return;
        }

        _on[cp] = on;
        if (on)
        {
            _switchedOn[cp] = true;
            _onAt[cp] = now;
        }
        else
        {
            _offAt[cp] = now;
        }
    }

    /// <summary>A new session (or an unreachable station) starts without a dwell.</summary>
    public void Forget(int cp)
    {
        _on[cp] = false;
        _switchedOn[cp] = false;
    }

    public void CopyFrom(SwitchDwell other, int from, int to)
    {
        _on[to] = other._on[from];
        _switchedOn[to] = other._switchedOn[from];
        _onAt[to] = other._onAt[from];
        _offAt[to] = other._offAt[from];
    }
}
