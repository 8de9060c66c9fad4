namespace OpenCpm.Core.LoadManagement;

/// <summary>
/// When each charge point was last switched on (setpoint from 0 to a current) and off (to 0), so that nobody is switched
/// on and off every cycle (load-management.md section 4, minimum dwell time). A start is kept by admission itself
/// (active charges are admitted first; only a safety reduction pauses one; rotation waits a full period). A pause is
/// kept for the dwell time when the vehicle was already paused once within the dwell time before it: a single brief
/// cut (a household spike, a glitch in a meter reading) lets a vehicle resume as soon as it fits, but nobody is switched
/// off and on more than once per dwell time. A pause by choice (rotation) is always kept for the dwell time.
/// </summary>
internal sealed class SwitchDwell(int chargePoints, TimeSpan dwell)
{
    private readonly bool[] _on = new bool[chargePoints];
    private readonly bool[] _switchedOn = new bool[chargePoints];
    private readonly DateTimeOffset[] _offAt = new DateTimeOffset[chargePoints];
    private readonly DateTimeOffset?[] _offBeforeAt = new DateTimeOffset?[chargePoints];
    private readonly DateTimeOffset[] _keepOffUntil = new DateTimeOffset[chargePoints];

    /// <summary>True while a charge point paused twice within the dwell time (or paused on purpose) must stay paused.</summary>
    public bool MustStayOff(int cp, DateTimeOffset now) =>
        now < _keepOffUntil[cp]
        || (!_on[cp] && _switchedOn[cp] && now - _offAt[cp] < dwell && _offBeforeAt[cp] is { } before && _offAt[cp] - before < dwell);

    /// <summary>A pause by choice, not by safety (a rotation): kept for the whole dwell time.</summary>
    public void KeepOff(int cp, DateTimeOffset now) => _keepOffUntil[cp] = now + dwell;

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
        }
        else if (_switchedOn[cp])
        {
            _offBeforeAt[cp] = _offAt[cp];
            _offAt[cp] = now;
        }
    }

    /// <summary>A new session (or an unreachable station) starts without a dwell.</summary>
    public void Forget(int cp)
    {
        _on[cp] = false;
        _switchedOn[cp] = false;
        _offBeforeAt[cp] = null;
        _keepOffUntil[cp] = default;
    }

    public void CopyFrom(SwitchDwell other, int from, int to)
    {
        _on[to] = other._on[from];
        _switchedOn[to] = other._switchedOn[from];
        _offAt[to] = other._offAt[from];
        _offBeforeAt[to] = other._offBeforeAt[from];
        _keepOffUntil[to] = other._keepOffUntil[from];
    }
}
