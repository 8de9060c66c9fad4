using OpenCpm.Core.LoadManagement;

namespace OpenCpm.Control;

/// <summary>
/// The control loop's memory of vehicles (Core <see cref="VehicleMemory"/>, load-management.md section 5): while a
/// vehicle is plugged in, its demand carries what its card's vehicle (or the station's last session) used — likely
/// phases and a learned minimum current —; while it charges, the phases it uses and any minimum current the
/// allocator learns are noted; when it is unplugged they are remembered for its card and the station. Kept for the
/// life of the controller (it survives settings reloads, not restarts). Used by the control cycle only (one thread).
/// </summary>
internal sealed class VehicleRecollection
{
    private readonly VehicleMemory _memory = new();
    private readonly Dictionary<string, PluggedVehicle> _plugged = new(StringComparer.Ordinal);

    /// <summary>How many cards' vehicles are remembered.</summary>
    public int CardCount => _memory.CardCount;

    /// <summary>
    /// Adds what is remembered to <paramref name="demand"/> of a plugged vehicle (and notes the phases it uses now);
    /// when the vehicle has gone, remembers its session.
    /// </summary>
    public ChargePointDemand Recall(string chargePointId, bool plugged, string? card, ChargePointDemand demand)
    {
        if (!plugged)
        {
            Unplugged(chargePointId);
            return demand;
        }

        if (!_plugged.TryGetValue(chargePointId, out var vehicle))
        {
            vehicle = _plugged[chargePointId] = new PluggedVehicle();
        }

        vehicle.Card = card ?? vehicle.Card;
        vehicle.Phases = vehicle.Phases.Union(demand.VehiclePhases);
        var known = _memory.Recall(vehicle.Card, chargePointId);
        return demand with
        {
            LikelyVehiclePhases = known.Phases,
            MinimumCurrentA = vehicle.LearnedMinimumA ?? known.MinimumCurrentA,
        };
    }

    /// <summary>A minimum current the allocator learned for the vehicle at <paramref name="chargePointId"/> (null = none).</summary>
    public void Learned(string chargePointId, double? minimumA)
    {
        if (minimumA is { } learned && _plugged.TryGetValue(chargePointId, out var vehicle))
        {
            vehicle.LearnedMinimumA = Math.Max(vehicle.LearnedMinimumA ?? 0, learned);
        }
    }

    /// <summary>The charge point left the site: what its vehicle did is remembered now.</summary>
    public void Unplugged(string chargePointId)
    {
        if (_plugged.Remove(chargePointId, out var vehicle))
        {
            _memory.Remember(vehicle.Card, chargePointId, vehicle.Phases, vehicle.LearnedMinimumA);
        }
    }

    /// <summary>A card deleted from the card list is forgotten.</summary>
    public void ForgetCard(string card) => _memory.ForgetCard(card);

    private sealed class PluggedVehicle
    {
        public string? Card { get; set; }

        public PhaseSet Phases { get; set; }

        public double? LearnedMinimumA { get; set; }
    }
}
