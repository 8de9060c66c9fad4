namespace OpenCpm.Core.LoadManagement;

/// <summary>
/// Who is charging in this round and who waits, in which order (manual 9.1.1, load-management.md section 4).
/// Active charges keep priority over waiting ones; waiting ones are served first come, first served; every
/// rotation period up to min(queue, active) of the charges that have charged longest yield to the head of the queue.
/// </summary>
internal sealed class RotationQueue(int chargePoints)
{
    private readonly bool[] _active = new bool[chargePoints];
    private readonly DateTimeOffset[] _roundStart = new DateTimeOffset[chargePoints];
    private readonly long[] _ticket = new long[chargePoints];
    private long _nextTicket = 1;

    /// <summary>Tickets ahead of every ordinary one (and behind every active charge, whose keys are far lower).</summary>
    private long _nextFrontTicket = -1_000_000_000;

    /// <summary>When the next rotation is due; null while nobody waits.</summary>
    public DateTimeOffset? NextRotationAt { get; set; }

    /// <summary>
    /// Until when the last rotation may still let waiting vehicles in (vehicles of unknown phases count at their worst
    /// under an unbalanced-load limit, so only a few fit until they draw), and how many more it may let in.
    /// </summary>
    public DateTimeOffset RotationOpenUntil { get; set; }

    public int RotationBudget { get; set; }

    /// <summary>When a rotation that is still open is tried again (every few seconds, not every cycle).</summary>
    public DateTimeOffset RotationRetryAt { get; set; }

    public bool IsActive(int cp) => _active[cp];

    public DateTimeOffset RoundStart(int cp) => _roundStart[cp];

    /// <summary>Queue position key: lower = served earlier. Assigned the first time a vehicle waits.</summary>
    public long Ticket(int cp) => _ticket[cp];

    /// <summary>A charge point that no longer wants current leaves both the round and the queue.</summary>
    public void Forget(int cp)
    {
        _active[cp] = false;
        _ticket[cp] = 0;
    }

    /// <summary>A vehicle that wants current and is not charging gets a place at the back of the queue.</summary>
    public void EnsureTicket(int cp)
    {
        if (!_active[cp] && _ticket[cp] == 0)
        {
            _ticket[cp] = _nextTicket++;
        }
    }

    /// <summary>A vehicle that comes to a station reserved for it: the first place in the queue, ahead of those already waiting.</summary>
    public void EnsureTicketAtFront(int cp)
    {
        if (!_active[cp] && (_ticket[cp] == 0 || _ticket[cp] > 0))
        {
            _ticket[cp] = _nextFrontTicket++;
        }
    }

    public void MarkActive(int cp, DateTimeOffset now)
    {
        if (!_active[cp])
        {
            _active[cp] = true;
            _roundStart[cp] = now;
        }

        _ticket[cp] = 0;
    }

    /// <summary>An active charge that is paused goes to the back of the queue.</summary>
    public void MarkWaiting(int cp)
    {
        if (_active[cp] || _ticket[cp] == 0)
        {
            _active[cp] = false;
            _ticket[cp] = _nextTicket++;
        }
    }

    /// <summary>
    /// Sort key of the admission order: active charges first, the most recently started first (so a capacity drop
    /// pauses the one that has charged longest); then the queue in ticket order.
    /// </summary>
    public double PriorityKey(int cp) =>
        _active[cp] ? -1 - (_roundStart[cp].UtcTicks / 1e7) : _ticket[cp];

    public void CopyFrom(RotationQueue other, int from, int to)
    {
        _active[to] = other._active[from];
        _roundStart[to] = other._roundStart[from];
        _ticket[to] = other._ticket[from];
        _nextTicket = Math.Max(_nextTicket, other._nextTicket);
        _nextFrontTicket = Math.Max(_nextFrontTicket, other._nextFrontTicket);
        NextRotationAt = other.NextRotationAt;
        RotationOpenUntil = other.RotationOpenUntil;
        RotationBudget = other.RotationBudget;
        RotationRetryAt = other.RotationRetryAt;
    }
}
