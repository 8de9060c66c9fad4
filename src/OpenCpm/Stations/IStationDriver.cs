using OpenCpm.Core.LoadManagement;
using OpenCpm.Core.Sessions;
using OpenCpm.Live;

namespace OpenCpm.Stations;

/// <summary>
/// The controller's view of one charge point, whatever protocol it speaks (created by its <see cref="IStationProtocol"/>).
/// <para>
/// Lifecycle: the controller runs <see cref="RunAsync"/> for as long as the charge point is managed and waits for it
/// to end before a replacement driver for the same station starts. <see cref="Status"/> is always the latest immutable
/// snapshot, published on every change (a mere <see cref="StationStatus.LastSeen"/> update is set quietly). Other
/// things the station reports (a card presented) go to <see cref="StationEvents"/>. Commands never throw for a
/// station's behaviour: they return a <see cref="StationCommandResult"/> (accepted, rejected with a reason,
/// unsupported, or timed out). Only cancellation throws.
/// </para>
/// </summary>
internal interface IStationDriver
{
    string ChargePointId { get; }

    /// <summary>The latest snapshot; State is <c>Offline</c> until the station has answered.</summary>
    LiveValue<StationStatus> Status { get; }

    /// <summary>What the station is, once known; null before.</summary>
    StationCapabilities? Capabilities { get; }

    /// <summary>Polls the station, keeps its failsafe watchdog fed and tracks online/offline until cancelled.</summary>
    Task RunAsync(CancellationToken cancellationToken);

    /// <summary>Current offered to the vehicle per phase; below 6 A means pause (0).</summary>
    Task<StationCommandResult> SetCurrentAsync(double amps, CancellationToken cancellationToken);

    /// <summary>
    /// When a setpoint change from <paramref name="fromA"/> to <paramref name="toA"/> shows in the vehicle's current,
    /// counted from when the controller sends it: not before the station's own delays, surely after them and the
    /// vehicle's reaction.
    /// </summary>
    SetpointTiming Timing(double fromA, double toA);

    /// <summary>Hard enable/disable of the station (survives unplug).</summary>
    Task<StationCommandResult> SetEnabledAsync(bool enabled, CancellationToken cancellationToken);

    /// <summary>Authorizes a session as if the card <paramref name="idTag"/> was presented.</summary>
    Task<StationCommandResult> StartAsync(string idTag, CancellationToken cancellationToken);

    /// <summary>Ends the authorization of <paramref name="idTag"/>, or of the tag that started the running session when null.</summary>
    Task<StationCommandResult> StopAsync(string? idTag, CancellationToken cancellationToken);

    Task<StationCommandResult> UnlockAsync(CancellationToken cancellationToken);

    Task<StationCommandResult> RestartAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Shows a short text on the station's display (if it has one), for <paramref name="duration"/> or the station's
    /// own default time when null.
    /// </summary>
    Task<StationCommandResult> ShowTextAsync(string text, TimeSpan? duration, CancellationToken cancellationToken);

    /// <summary>
    /// The sessions the station remembers, newest first, stopping at <paramref name="afterSessionId"/> (exclusive):
    /// used to recover sessions that ended while the controller was down. The first entry may still be running.
    /// </summary>
    Task<IReadOnlyList<StationSessionRecord>> ReadSessionHistoryAsync(long afterSessionId, CancellationToken cancellationToken);
}
