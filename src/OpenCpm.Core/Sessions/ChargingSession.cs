using System.Globalization;

namespace OpenCpm.Core.Sessions;

/// <summary>
/// One charge of one vehicle at one charge point, from authorization/plug-in to the end. Energy is the difference
/// of the charge point's energy meter between start and end (or the latest reading while active).
/// </summary>
public sealed record ChargingSession
{
    /// <summary>The state shown for an active session, as in the manual ("PWMCharging").</summary>
    public const string ActiveState = "PWMCharging";

    public const string EndedState = "ended";

    public required long Id { get; init; }

    public required string ChargePoint { get; init; }

    /// <summary>The RFID card or token that authorized the session; null when charging was free.</summary>
    public string? IdTag { get; init; }

    public required DateTimeOffset Start { get; init; }

    /// <summary>Null while the session is active.</summary>
    public DateTimeOffset? End { get; init; }

    public double MeterStartWh { get; init; }

    /// <summary>The latest meter reading while active, the final one once ended.</summary>
    public double? MeterEndWh { get; init; }

    public double EnergyWh => MeterEndWh is { } endWh ? Math.Max(0, endWh - MeterStartWh) : 0;

    public StopReason? StopReason { get; init; }

    public bool IsActive => End is null;

    /// <summary><see cref="ActiveState"/> while active, else <see cref="EndedState"/>.</summary>
    public string State => IsActive ? ActiveState : EndedState;

    /// <summary>The session with a newer meter reading (only while active).</summary>
    public ChargingSession WithMeterReading(double meterWh)
    {
        EnsureActive("take a meter reading");
        return this with { MeterEndWh = meterWh };
    }

    /// <summary>The session ended at <paramref name="end"/> with the final meter reading and the reason.</summary>
    public ChargingSession Ended(DateTimeOffset end, double meterEndWh, StopReason reason)
    {
        EnsureActive("end it");
        if (end < Start)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"Session {Id} can't end at {end:O}, before its start at {Start:O}."));
        }

        return this with { End = end, MeterEndWh = meterEndWh, StopReason = reason };
    }

    private void EnsureActive(string action)
    {
        if (!IsActive)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"Session {Id} at charge point \"{ChargePoint}\" has already ended, so it can't {action}."));
        }
    }
}
