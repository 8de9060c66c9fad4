namespace OpenCpm.Simulation.Vehicles;

/// <summary>
/// A simulated electric vehicle plugged into a station. The station tells it the current it may take
/// (<see cref="Offer"/>, the pilot signal); the vehicle follows after its reaction delay, draws
/// min(offer, its maximum, its taper) on its phases, pauses below its minimum current and stops at its target
/// state of charge. Time is passed in by the caller (virtual clock in scenarios, TimeProvider in the station
/// simulator), so the model is deterministic.
/// </summary>
public sealed class SimulatedVehicle
{
    private readonly Queue<(DateTimeOffset At, double CurrentA)> _pendingOffers = new();
    private double _appliedOfferA;
    private DateTimeOffset _lastAdvance;

    public SimulatedVehicle(VehicleSpec spec, DateTimeOffset pluggedAt)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Phases is < 1 or > 3)
        {
            throw new ArgumentException($"A vehicle charges on 1, 2 or 3 phases, not {spec.Phases}.", nameof(spec));
        }

        Spec = spec;
        Soc = spec.InitialSoc;
        _lastAdvance = pluggedAt;
    }

    public VehicleSpec Spec { get; }

    public double Soc { get; private set; }

    /// <summary>Energy taken from the grid since plug-in.</summary>
    public double EnergyWh { get; private set; }

    /// <summary>The offer the vehicle currently follows (after its reaction delay).</summary>
    public double AppliedOfferA => _appliedOfferA;

    public bool WantsCharge => Soc < Spec.TargetSoc;

    /// <summary>Current drawn on each of the vehicle's phases right now.</summary>
    public double DrawA
    {
        get
        {
            if (_appliedOfferA < Spec.MinCurrentA || _appliedOfferA <= 0)
            {
                return 0;
            }

            return Math.Min(_appliedOfferA, Spec.AbilityA(Soc));
        }
    }

    /// <summary>The station offers a new current (0 = no current). The vehicle follows after its reaction delay.</summary>
    public void Offer(double currentA, DateTimeOffset now)
    {
        var last = _pendingOffers.Count > 0 ? _pendingOffers.Last().CurrentA : _appliedOfferA;
        if (Math.Abs(last - currentA) < 1e-9)
        {
            return;
        }

        _pendingOffers.Enqueue((now + Spec.Reaction, currentA));
    }

    /// <summary>
    /// Moves the vehicle's clock to <paramref name="now"/>: integrates the energy drawn since the last call at
    /// <paramref name="voltageV"/> per phase, then applies every offer whose reaction delay has passed.
    /// </summary>
    public void Advance(DateTimeOffset now, double voltageV)
    {
        while (_lastAdvance < now)
        {
            // Integrate piecewise: up to the next offer change or to now, whichever comes first.
            var until = _pendingOffers.Count > 0 && _pendingOffers.Peek().At < now ? _pendingOffers.Peek().At : now;
            if (until < _lastAdvance)
            {
                until = _lastAdvance;
            }

            Integrate((until - _lastAdvance).TotalHours, voltageV);
            _lastAdvance = until;
            ApplyDueOffers(until);
            if (until == now)
            {
                break;
            }
        }

        ApplyDueOffers(now);
    }

    private void ApplyDueOffers(DateTimeOffset now)
    {
        while (_pendingOffers.Count > 0 && _pendingOffers.Peek().At <= now)
        {
            _appliedOfferA = _pendingOffers.Dequeue().CurrentA;
        }
    }

    private void Integrate(double hours, double voltageV)
    {
        if (hours <= 0)
        {
            return;
        }

        var energyWh = DrawA * Spec.Phases * voltageV * hours;
        if (energyWh <= 0)
        {
            return;
        }

        var roomWh = Math.Max(0, (Spec.TargetSoc - Soc) * Spec.BatteryWh);
        energyWh = Math.Min(energyWh, roomWh);
        EnergyWh += energyWh;
        Soc += energyWh / Spec.BatteryWh;
        if (Spec.TargetSoc - Soc < 1e-9)
        {
            Soc = Spec.TargetSoc;
        }
    }
}
