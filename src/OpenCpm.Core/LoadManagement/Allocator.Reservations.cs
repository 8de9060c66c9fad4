using OpenCpm.Core.ChargePoints;

namespace OpenCpm.Core.LoadManagement;

/// <summary>
/// Reserved stations (<see cref="ChargePointDemand.HeldForReservation"/>): while no vehicle there wants current, the
/// station's minimum current is counted in the admission after the active charges and before the queue, when it fits.
/// So a vehicle from the queue is not started into that share, but the charging vehicles keep sharing everything in the
/// fill (nothing is wasted: the share is only kept from newcomers, and only while current is short — when it is
/// plentiful everyone fits anyway). Active charges are never paused for an empty reserved station (that would waste
/// current); when the share does not fit as the reservation comes in, it is held from the first moment it does (a
/// vehicle leaving, a rotation). The reserving vehicle, when it comes, takes the first place in the queue and so the
/// share that was kept for it: it starts at once, without waiting for a rotation.
/// </summary>
public sealed partial class Allocator
{
    /// <summary>Reserved and without a vehicle wanting current this cycle.</summary>
    private bool[] _held = null!;

    /// <summary>Its share was counted in this cycle's admission.</summary>
    private bool[] _heldCounted = null!;

    /// <summary>Came to its reserved station: served before the queue until admitted.</summary>
    private bool[] _reservedPriority = null!;

    /// <summary>Queued only because of the shares held for reservations.</summary>
    private bool[] _blockedByHeld = null!;

    private int _heldCount;

    /// <summary>New arrays for <paramref name="n"/> charge points; the priority of a vehicle at its reserved station is kept (matched by <paramref name="oldIndexOf"/>, -1 = new).</summary>
    private void AllocateReservationState(int n, Func<int, int>? oldIndexOf)
    {
        var oldPriority = _reservedPriority;
        _held = new bool[n];
        _heldCounted = new bool[n];
        _reservedPriority = new bool[n];
        _blockedByHeld = new bool[n];
        _heldCount = 0;
        for (var i = 0; oldPriority is not null && oldIndexOf is not null && i < n; i++)
        {
            var j = oldIndexOf(i);
            _reservedPriority[i] = j >= 0 && oldPriority[j];
        }
    }

    /// <summary>Called by the classification for each charge point, once its category is known.</summary>
    private void NoteReservation(int i, in ChargePointDemand d)
    {
        var placeholder = d.HeldForReservation && _category[i] == None && d.State is not (ChargePointState.Offline or ChargePointState.Error);
        if (_held[i] != placeholder)
        {
            _heldCount += placeholder ? 1 : -1;
        }

        _held[i] = placeholder;
        _heldCounted[i] = false;
        _blockedByHeld[i] = false;
        _reservedPriority[i] = placeholder || (_reservedPriority[i] && _category[i] is Candidate or LowPriority);
    }

    /// <summary>The rows of the reserved stations without a vehicle (on all their wired phases, the unbalanced-load pairs at their worst).</summary>
    private void SetHeldRows()
    {
        for (var i = 0; _heldCount > 0 && i < _held.Length; i++)
        {
            if (_held[i])
            {
                // Worst-case pairs and no credit: a share that draws nothing must never make room for anyone.
                _fill.SetRows(i, _result.GridPhases[i], _model.WorstCasePairMask[i], _model.ClusterOf[i]);
            }
        }
    }

    /// <summary>Counts the share of each reserved station without a vehicle that fits after the active charges.</summary>
    private void HoldReservedShares()
    {
        for (var i = 0; _heldCount > 0 && i < _held.Length; i++)
        {
            _heldCounted[i] = _held[i] && _fill.Fits(i, _floor[i], _load);
            if (_heldCounted[i])
            {
                _fill.AddExact(i, _floor[i], _load);
            }
        }
    }

    /// <summary>After the admission: which queued vehicles would have started without the held shares (their reason).</summary>
    private void NoteBlockedByHeld(int candidateCount, DateTimeOffset now)
    {
        if (_heldCount == 0)
        {
            return;
        }

        Array.Copy(_load, _scratchLoad, _load.Length);
        var any = false;
        for (var i = 0; i < _held.Length; i++)
        {
            if (_heldCounted[i])
            {
                _fill.AddExact(i, _floor[i], _scratchLoad, -1);
                any = true;
            }
        }

        for (var k = 0; any && k < candidateCount; k++)
        {
            var i = _candidates[k];
            _blockedByHeld[i] = !_isAdmitted[i] && !_dwell.MustStayOff(i, now) && _fill.Fits(i, _floor[i], _scratchLoad);
        }
    }
}
