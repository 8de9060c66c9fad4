namespace OpenCpm.Core.LoadManagement;

public sealed partial class Allocator
{
    private int[] _byStart = null!;
    private double[] _startKeys = null!;
    private int[] _yielded = null!;
    private int[] _members = null!;

    /// <summary>How often a rotation still open is tried again: time for the vehicles it let in to show their phases.</summary>
    private static readonly TimeSpan RotationRetryInterval = TimeSpan.FromSeconds(5);

    /// <summary>The most charges that yield to one waiting vehicle in a rotation.</summary>
    private const int MaxYieldsPerHead = 8;

    /// <summary>
    /// How far down the longest-charging list a rotation looks for a charge that frees a waiting vehicle's row (at most
    /// 15 clusters share it, so this finds one in the right cluster unless there is none; bounds a rotation at 10,000
    /// stations to milliseconds).
    /// </summary>
    private const int MaxSearchPerYield = 256;

    /// <summary>Lists the charge points that want current, sets their constraint rows and their queue tickets.</summary>
    private int CollectCandidates(bool stopAll)
    {
        var count = 0;
        for (var i = 0; i < _category.Length; i++)
        {
            if (_category[i] is Candidate or LowPriority)
            {
                SetRows(i, _result.GridPhases[i]);
            }

            if (_category[i] == Candidate)
            {
                _candidates[count++] = i;
                if (!stopAll && _reservedPriority[i])
                {
                    _rotation.EnsureTicketAtFront(i);
                }
                else if (!stopAll)
                {
                    _rotation.EnsureTicket(i);
                }
            }
            else if (_category[i] == LowPriority)
            {
                // A vehicle that paused by itself neither keeps its round nor waits in the queue.
                _rotation.Forget(i);
            }
        }

        SetHeldRows();
        return count;
    }

    /// <summary>
    /// The rows of a charge point counted on <paramref name="grid"/>. The unbalanced-load pairs are exact for a vehicle
    /// whose phases are known (and it lowers the pairs where it is on the low phase by what it draws there); for one
    /// not known yet they are the worst case of what it may turn out to use, with no credit.
    /// </summary>
    private void SetRows(int i, PhaseSet grid)
    {
        var pairs = _confirmed[i] ? ConstraintRows.PairMask(grid) : _model.WorstCasePairMask[i];
        _fill.SetRows(i, grid, pairs, _model.ClusterOf[i]);
        if (_confirmed[i])
        {
            _fill.SetCredits(i, grid, _drawnGrid[i]);
        }
    }

    /// <summary>
    /// Decides who charges: every admitted vehicle must get at least its minimum current. Active charges keep their
    /// place against newcomers (admitted first, together); then the queue in order, skipping vehicles that must stay
    /// paused for the dwell time. When the rotation period is over and someone waits, up to min(queue, active) charges
    /// that have charged longest yield to the head of the queue. Returns the admitted count.
    /// </summary>
    private int Admit(int candidateCount, DateTimeOffset now)
    {
        for (var k = 0; k < candidateCount; k++)
        {
            _order[k] = _rotation.PriorityKey(_candidates[k]);
        }

        Array.Sort(_order, _candidates, 0, candidateCount);
        var admitted = AdmitInPriorityOrder(candidateCount, now);
        var waiting = admitted < candidateCount;
        if (!waiting)
        {
            _rotation.NextRotationAt = null;
        }
        else if (_rotation.NextRotationAt is null)
        {
            _rotation.NextRotationAt = now + _model.Settings.RotationPeriod;
        }
        else
        {
            var due = now >= _rotation.NextRotationAt;
            var open = !due && now < _rotation.RotationOpenUntil && _rotation.RotationBudget > 0 && now >= _rotation.RotationRetryAt;
            var budget = due ? Math.Min(candidateCount - admitted, admitted) : _rotation.RotationBudget;
            if (open)
            {
                _rotation.RotationRetryAt = now + RotationRetryInterval;
            }

            if ((due || open) && Rotate(admitted, candidateCount, now, budget, out var started))
            {
                if (due)
                {
                    _rotation.NextRotationAt = now + _model.Settings.RotationPeriod;
                    _rotation.RotationOpenUntil = now + _options.MinimumDwellTime;
                }

                _rotation.RotationBudget = budget - started;
                for (var k = 0; k < candidateCount; k++)
                {
                    _order[k] = _rotation.PriorityKey(_candidates[k]);
                }

                Array.Sort(_order, _candidates, 0, candidateCount);
                admitted = AdmitInPriorityOrder(candidateCount, now);
            }
        }

        NoteBlockedByHeld(candidateCount, now);
        for (var k = 0; k < candidateCount; k++)
        {
            var i = _candidates[k];
            if (_isAdmitted[i])
            {
                _rotation.MarkActive(i, now);
                _reservedPriority[i] = false; // served: from now on a charge like any other
            }
            else
            {
                _rotation.MarkWaiting(i);
            }
        }

        return admitted;
    }

    /// <summary>
    /// Admits the active charges to a fixed point, then the queue in order. Loads are exact: each admitted vehicle at
    /// its floor, minus what it draws on the low phase of a pair (so under an unbalanced-load limit the cars on one
    /// phase may fit only together with those on another). Candidates must be sorted by priority.
    /// </summary>
    private int AdmitInPriorityOrder(int candidateCount, DateTimeOffset now)
    {
        Array.Clear(_load);
        for (var k = 0; k < candidateCount; k++)
        {
            _isAdmitted[_candidates[k]] = false;
        }

        var admitted = AdmitActives(candidateCount);
        HoldReservedShares();

        // A newcomer never lowers a pair (it draws nothing yet), so one pass over the queue is enough.
        for (var k = 0; k < candidateCount; k++)
        {
            var i = _candidates[k];
            if (!_rotation.IsActive(i) && !_dwell.MustStayOff(i, now) && TryAdmit(i))
            {
                _admitted[admitted++] = i;
            }
        }

        return admitted;
    }

    /// <summary>
    /// All active charges at their floors, then, while a row is over, the one of lowest priority that loads it is
    /// paused: what is left is the largest set that fits together, found in O(paused × n). An active charge that now
    /// needs more than it has (its minimum turned out higher) has the lowest priority of all: it must not push one of
    /// the others out. One of unconfirmed phases is first counted on the phases it likely uses, if that helps.
    /// </summary>
    private int AdmitActives(int candidateCount)
    {
        var count = 0;
        Array.Clear(_members);
        for (var group = 0; group < 2; group++)
        {
            for (var k = 0; k < candidateCount; k++)
            {
                var i = _candidates[k];
                if (_rotation.IsActive(i) && (_previousA[i] >= _floor[i] - Eps) == (group == 0))
                {
                    _fill.AddExact(i, _floor[i], _load);
                    _fill.CountMember(i, _members, 1);
                    _isAdmitted[i] = true;
                    _admitted[count++] = i;
                }
            }
        }

        // Each round pauses one charge or moves one to its likely phases (once): at most 2 × count rounds.
        for (var guard = 0; guard <= 2 * count; guard++)
        {
            var row = OverloadedRow();
            if (row < 0)
            {
                break;
            }

            if (!MoveToLikelyPhases(count, row))
            {
                PauseLowestPriority(count, row);
            }
        }

        // Keep the admitted ones, in priority order.
        var admitted = 0;
        for (var k = 0; k < count; k++)
        {
            if (_isAdmitted[_admitted[k]])
            {
                _admitted[admitted++] = _admitted[k];
            }
        }

        return admitted;
    }

    /// <summary>
    /// Counts the lowest-priority admitted charge of unconfirmed phases that loads <paramref name="row"/> and likely
    /// uses other phases on those instead (before anyone is paused for it); false when there is none.
    /// </summary>
    private bool MoveToLikelyPhases(int count, int row)
    {
        for (var k = count - 1; k >= 0; k--)
        {
            var i = _admitted[k];
            var likely = _likelyGrid[i];
            if (!_isAdmitted[i] || !_fill.Loads(i, row) || likely.IsEmpty || likely == _result.GridPhases[i])
            {
                continue;
            }

            _fill.AddExact(i, _floor[i], _load, -1);
            _fill.CountMember(i, _members, -1);
            CountOnLikelyPhases(i, likely);
            _fill.AddExact(i, _floor[i], _load);
            _fill.CountMember(i, _members, 1);
            return true;
        }

        return false;
    }

    /// <summary>
    /// Counts charge point <paramref name="i"/> on the phases its vehicle likely uses and holds it at its minimum until
    /// it draws: should it use more phases after all, the others carry at most that minimum too much until the next
    /// cycle sees it. Once it shows the phases it uses, it may rise at once (no settle time).
    /// </summary>
    private void CountOnLikelyPhases(int i, PhaseSet likely)
    {
        _result.GridPhases[i] = likely;
        SetRows(i, likely);
        if (_upper[i] > _floor[i])
        {
            _upper[i] = _floor[i];
            _upperReason[i] = LimitReason.Of(LimitKind.LikelyPhases);
            _heldOnGuess[i] = true;
        }
    }

    /// <summary>Pauses the lowest-priority admitted charge that loads <paramref name="row"/>.</summary>
    private void PauseLowestPriority(int count, int row)
    {
        for (var k = count - 1; k >= 0; k--)
        {
            var i = _admitted[k];
            if (_isAdmitted[i] && _fill.Loads(i, row))
            {
                _fill.AddExact(i, _floor[i], _load, -1);
                _fill.CountMember(i, _members, -1);
                _isAdmitted[i] = false;
                return;
            }
        }
    }

    /// <summary>A row over its capacity that an admitted active charge loads, or -1.</summary>
    private int OverloadedRow()
    {
        for (var r = 0; r < _load.Length; r++)
        {
            if (_members[r] > 0 && _load[r] > _fill.Capacity[r] + ProgressiveFill.Tolerance(_fill.Capacity[r]))
            {
                return r;
            }
        }

        return -1;
    }

    /// <summary>
    /// Admits a vehicle at its floor if every row has room: counted on its known phases, or on all wired phases, or —
    /// when that does not fit and it is likely to use fewer — on those it is likely to use.
    /// </summary>
    private bool TryAdmit(int i)
    {
        if (!_fill.Fits(i, _floor[i], _load))
        {
            var likely = _likelyGrid[i];
            if (likely.IsEmpty || likely == _result.GridPhases[i])
            {
                return false;
            }

            var counted = _result.GridPhases[i];
            SetRows(i, likely);
            if (!_fill.Fits(i, _floor[i], _load))
            {
                SetRows(i, counted);
                return false;
            }

            // Its upper bound already holds the station's unbalanced-load limit (phases not confirmed).
            CountOnLikelyPhases(i, likely);
        }

        _fill.AddExact(i, _floor[i], _load);
        _isAdmitted[i] = true;
        return true;
    }

    /// <summary>
    /// Rotation: for each waiting vehicle in queue order, while fewer than <paramref name="budget"/> (min(queue, active)
    /// when it is due) have been let in, the active charges that have charged longest (each for at least a full
    /// period) and load a row it is blocked by yield until it fits. Those who yield go to the back of the queue. For
    /// the dwell time after, the rest of the budget may still be let in (see <see cref="RotationQueue.RotationBudget"/>).
    /// Returns false when nothing could be rotated.
    /// </summary>
    private bool Rotate(int admittedCount, int candidateCount, DateTimeOffset now, int budget, out int started)
    {
        var period = _model.Settings.RotationPeriod;
        var eligible = 0;
        for (var k = 0; k < admittedCount; k++)
        {
            var i = _admitted[k];
            if (_rotation.IsActive(i) && now - _rotation.RoundStart(i) >= period)
            {
                _byStart[eligible] = i;
                _startKeys[eligible++] = _rotation.RoundStart(i).UtcTicks;
            }
        }

        Array.Sort(_startKeys, _byStart, 0, eligible);
        Array.Copy(_load, _scratchLoad, _load.Length);
        started = 0;
        var yielded = 0;
        var first = 0;
        for (var k = 0; k < candidateCount && started < budget; k++)
        {
            var head = _candidates[k];
            if (_isAdmitted[head] || _dwell.MustStayOff(head, now) || !FitsOnItsOwn(head))
            {
                continue;
            }

            // A vehicle at its minimum needs only a few others to yield; one that needs more is blocked by something
            // rotation can't free (and trying every charge would make a rotation at 10,000 stations cost O(n²)).
            var mark = yielded;
            var firstAtMark = first;
            while (yielded - mark < MaxYieldsPerHead && !_fill.Fits(head, _floor[head], _scratchLoad))
            {
                var row = _fill.FirstViolatedRow(head, _floor[head], _scratchLoad);
                var longest = -1;
                while (first < eligible && !_isAdmitted[_byStart[first]])
                {
                    first++;
                }

                var end = Math.Min(eligible, first + MaxSearchPerYield);
                for (var e = first; e < end && longest < 0; e++)
                {
                    var i = _byStart[e];
                    if (_isAdmitted[i] && _fill.Loads(i, row))
                    {
                        longest = i;
                    }
                }

                if (longest < 0)
                {
                    break;
                }

                _fill.AddExact(longest, _floor[longest], _scratchLoad, -1);
                _isAdmitted[longest] = false;
                _yielded[yielded++] = longest;
            }

            if (_fill.Fits(head, _floor[head], _scratchLoad))
            {
                _fill.AddExact(head, _floor[head], _scratchLoad);
                started++;
            }
            else
            {
                // Undo: this one cannot be made room for.
                while (yielded > mark)
                {
                    var i = _yielded[--yielded];
                    _fill.AddExact(i, _floor[i], _scratchLoad);
                    _isAdmitted[i] = true;
                }

                first = firstAtMark; // the charges taken back were all found from there on
            }
        }

        for (var y = 0; y < yielded; y++)
        {
            _rotation.MarkWaiting(_yielded[y]);
            _dwell.KeepOff(_yielded[y], now);
        }

        return yielded > 0;
    }

    /// <summary>True when a vehicle could charge at its floor if nobody else did.</summary>
    private bool FitsOnItsOwn(int i) => _fill.Fits(i, _floor[i], _zeroLoad);
}
