using System.Collections.Immutable;
using OpenCpm.Data;
using OpenCpm.Live;
using OpenCpm.Settings;

namespace OpenCpm.Maintenance;

/// <summary>
/// The behaviour after a power failure (manual 8.1.6, Device). A clean stop leaves the file <see cref="MarkerFileName"/>
/// in the data folder; a start without it followed a power failure or a crash. Then, with
/// <see cref="PowerFailureBehaviour.StayStopped"/>, every charge point configured at that moment is held at 0 A by the
/// control loop until an operator enables it (<see cref="ReleaseAsync"/>); with ResumeSessions nothing is held.
/// </summary>
internal sealed class PowerFailureHold(StorageOptions storage, SettingsService settings, EventLog events, ILogger<PowerFailureHold> logger)
    : IHostedLifecycleService
{
    public const string MarkerFileName = "clean-stop";
    public const string EventSource = "system";

    private string MarkerPath => Path.Combine(storage.DataDirectory, MarkerFileName);

    /// <summary>The charge points held at 0 A (empty when none); the control loop reads it every cycle.</summary>
    public LiveValue<ImmutableHashSet<string>> Held { get; } = new([]);

    public bool IsHeld(string chargePointId) => Held.Current.Contains(chargePointId);

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var clean = File.Exists(MarkerPath);
        File.Delete(MarkerPath);
        var current = await settings.GetAsync(cancellationToken);
        if (clean || current.Get<DeviceSettings>().AfterPowerFailure != PowerFailureBehaviour.StayStopped || current.Site.ChargePoints.Count == 0)
        {
            return;
        }

        Held.Publish([.. current.Site.ChargePoints.Select(c => c.Id)]);
        MaintenanceLog.HeldAfterPowerFailure(logger);
        await events.WarningAsync(EventSource, FormattableString.Invariant(
            $"The controller started after a power failure or crash: {Held.Current.Count} station(s) stay stopped until an operator enables them (Device › after a power failure: stay stopped)."), cancellationToken);
    }

    /// <summary>Enables the charge points again (all when <paramref name="chargePointIds"/> is empty); returns those released.</summary>
    public async Task<IReadOnlyList<string>> ReleaseAsync(IReadOnlyCollection<string> chargePointIds, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chargePointIds);
        var before = Held.Current;
        var released = chargePointIds.Count == 0 ? before : before.Intersect(chargePointIds);
        if (released.IsEmpty)
        {
            return [];
        }

        Held.Publish(before.Except(released));
        await events.InfoAsync(EventSource, $"{actor} enabled {string.Join(", ", released.Order(StringComparer.Ordinal))} after the power failure.", cancellationToken);
        return [.. released.Order(StringComparer.Ordinal)];
    }

    public Task StoppedAsync(CancellationToken cancellationToken)
    {
        File.WriteAllText(MarkerPath, "");
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
