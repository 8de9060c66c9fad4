namespace OpenCpm.Core.LoadManagement;

/// <summary>
/// Remembers vehicles between sessions (load-management.md section 5): per card, the phases and learned minimum current
/// of the vehicle that used it; per station, the phases of its last session. The host feeds it when a session ends
/// (or when it has learned something) and asks it when a vehicle plugs in, to fill
/// <see cref="ChargePointDemand.LikelyVehiclePhases"/> and <see cref="ChargePointDemand.MinimumCurrentA"/>. A card
/// names one vehicle well; a station's last session is only a guess, so it gives phases but no minimum current.
/// Pure and not thread-safe: one control loop owns it (persisting it is the host's choice).
/// </summary>
public sealed class VehicleMemory
{
    private readonly Dictionary<string, VehicleProfile> _byCard = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PhaseSet> _byStation = new(StringComparer.Ordinal);

    /// <summary>How many cards it knows.</summary>
    public int CardCount => _byCard.Count;

    /// <summary>
    /// Remembers a session: <paramref name="phases"/> as detected (ignored when empty: the vehicle never charged);
    /// <paramref name="learnedMinimumA"/> when one was learned (a known one is kept otherwise).
    /// </summary>
    public void Remember(string? card, string station, PhaseSet phases, double? learnedMinimumA = null)
    {
        ArgumentNullException.ThrowIfNull(station);
        if (!phases.IsEmpty)
        {
            _byStation[station] = phases;
        }

        if (string.IsNullOrEmpty(card))
        {
            return;
        }

        var known = _byCard.TryGetValue(card, out var profile) ? profile : default;
        _byCard[card] = new VehicleProfile(
            phases.IsEmpty ? known.Phases : phases,
            learnedMinimumA ?? known.MinimumCurrentA);
    }

    /// <summary>What is likely of the vehicle now plugged in: its card's profile, else the station's last phases.</summary>
    public VehicleProfile Recall(string? card, string station)
    {
        ArgumentNullException.ThrowIfNull(station);
        if (!string.IsNullOrEmpty(card) && _byCard.TryGetValue(card, out var profile) && !profile.Phases.IsEmpty)
        {
            return profile;
        }

        var minimum = !string.IsNullOrEmpty(card) && _byCard.TryGetValue(card, out var known) ? known.MinimumCurrentA : null;
        return new VehicleProfile(_byStation.TryGetValue(station, out var phases) ? phases : PhaseSet.None, minimum);
    }

    /// <summary>Forgets a card (deleted from the card list).</summary>
    public void ForgetCard(string card) => _byCard.Remove(card);
}
