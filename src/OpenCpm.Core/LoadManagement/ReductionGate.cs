namespace OpenCpm.Core.LoadManagement;

/// <summary>
/// Safety rule 2, "reduce before increase": holds increases back until every reduction sent is acknowledged by its
/// station (load-management.md section 3). With <see cref="WaitForVehicles"/> it also waits until each reduced
/// vehicle has followed (measured current at or below the new setpoint) or had the EV reaction window (IEC 61851:
/// 5 s) to do so. A station that never acknowledges is the caller's to treat as unreachable and <see cref="Forget"/>;
/// from then on its reserved current protects the others.
/// </summary>
public sealed class ReductionGate(TimeProvider timeProvider)
{
    private readonly Dictionary<int, Pending> _pending = [];

    /// <summary>Time a vehicle is given to follow a reduction (IEC 61851-1).</summary>
    public TimeSpan ReactionWindow { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Tolerance on the measured current when checking that a vehicle followed.</summary>
    public double ToleranceA { get; init; } = 0.5;

    /// <summary>Also wait for the reduced vehicles to follow, not only for the stations' acknowledgement.</summary>
    public bool WaitForVehicles { get; init; }

    public int PendingCount => _pending.Count;

    /// <summary>A reduction to <paramref name="targetA"/> was sent to a charge point.</summary>
    public void Sent(int chargePoint, double targetA) =>
        _pending[chargePoint] = new Pending(targetA, null, double.PositiveInfinity);

    /// <summary>The station confirmed the reduction.</summary>
    public void Acknowledged(int chargePoint)
    {
        if (_pending.TryGetValue(chargePoint, out var p) && p.AcknowledgedAt is null)
        {
            _pending[chargePoint] = p with { AcknowledgedAt = timeProvider.GetUtcNow() };
        }
    }

    /// <summary>The highest current measured on the vehicle's phases.</summary>
    public void Measured(int chargePoint, double drawnA)
    {
        if (_pending.TryGetValue(chargePoint, out var p))
        {
            _pending[chargePoint] = p with { DrawnA = drawnA };
        }
    }

    /// <summary>The station is gone (offline): its reservation now covers it.</summary>
    public void Forget(int chargePoint) => _pending.Remove(chargePoint);

    /// <summary>True when no reduction is still on its way; settled reductions are cleared.</summary>
    public bool IncreasesAllowed()
    {
        if (_pending.Count == 0)
        {
            return true;
        }

        var now = timeProvider.GetUtcNow();
        var blocked = false;
        foreach (var (cp, p) in _pending)
        {
            var settled = p.AcknowledgedAt is { } at && (!WaitForVehicles || p.DrawnA <= p.TargetA + ToleranceA || now - at >= ReactionWindow);
            if (settled)
            {
                _pending.Remove(cp);
            }
            else
            {
                blocked = true;
            }
        }

        return !blocked;
    }

    private readonly record struct Pending(double TargetA, DateTimeOffset? AcknowledgedAt, double DrawnA);
}
