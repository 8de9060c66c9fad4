using OpenCpm.Control;
using OpenCpm.Core.ChargePoints;
using OpenCpm.Data;
using OpenCpm.Maintenance;
using OpenCpm.Settings;
using OpenCpm.Stations;

namespace OpenCpm.Display;

/// <summary>
/// Shows the operator's texts (manual 8.1.6, Display Text) on the stations that have a display: it follows every
/// charge point's state in the site snapshots and, when a charge point comes to a new <see cref="DisplayEvent"/>
/// (a vehicle waits for a card, charging starts, it is queued…), sends that event's text for its duration. Events
/// the snapshots don't show (a card accepted or refused) come through <see cref="ShowAsync"/>. Sends to one station
/// go out in order; a station that does not answer never holds up the others.
/// </summary>
internal sealed class StationDisplays(SiteSnapshots site, SettingsService settings, ILogger<StationDisplays> logger) : BackgroundService
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, DisplayEvent?> _shown = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Task> _sending = new(StringComparer.Ordinal);

    /// <summary>The event a charge point's snapshot stands for, or null when no text fits (idle, offline, paused by the vehicle).</summary>
    public static DisplayEvent? EventOf(ChargePointSnapshot chargePoint)
    {
        ArgumentNullException.ThrowIfNull(chargePoint);
        var status = chargePoint.Status;
        return chargePoint.State switch
        {
            ChargePointState.Error => DisplayEvent.OutOfService,
            ChargePointState.Charging => DisplayEvent.Charging,
            ChargePointState.Queued => DisplayEvent.Queued,
            ChargePointState.SuspendedByController => DisplayEvent.Suspended,
            ChargePointState.Connected when status.AuthorizationRequired && !status.Authorized => DisplayEvent.SwipeCard,
            ChargePointState.Idle when status.AuthorizationRequired && status.Authorized => DisplayEvent.PlugIn,
            _ => null,
        };
    }

    /// <summary>
    /// Shows the text of <paramref name="displayEvent"/> on the charge point's display now; Unsupported with the
    /// reason when texts are off or the station has no display.
    /// </summary>
    public async Task<StationCommandResult> ShowAsync(string chargePointId, DisplayEvent displayEvent, CancellationToken cancellationToken)
    {
        if (site.Current.Find(chargePointId) is not { } chargePoint)
        {
            return StationCommandResult.Rejected($"there is no charge point \"{chargePointId}\"");
        }

        return await Enqueue(chargePoint, displayEvent, null, cancellationToken);
    }

    /// <summary>
    /// A card at the station's reader was accepted or refused (RFID authorization): the operator's text for it when
    /// display texts are on, else <paramref name="defaultText"/> (the authorization's own words) when there is one.
    /// </summary>
    public async Task<StationCommandResult> ShowCardAsync(string chargePointId, bool accepted, string? defaultText, CancellationToken cancellationToken)
    {
        if (site.Current.Find(chargePointId) is not { } chargePoint)
        {
            return StationCommandResult.Rejected($"there is no charge point \"{chargePointId}\"");
        }

        var displayEvent = accepted ? DisplayEvent.CardAccepted : DisplayEvent.CardRefused;
        return await Enqueue(chargePoint, displayEvent, settings.Current.Get<DisplaySettings>().Enabled ? null : defaultText, cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var snapshot in site.Live.WatchAsync(stoppingToken))
        {
            foreach (var chargePoint in snapshot.ChargePoints)
            {
                var displayEvent = EventOf(chargePoint);
                bool changed;
                lock (_lock)
                {
                    changed = !_shown.TryGetValue(chargePoint.Id, out var before) || before != displayEvent;
                    _shown[chargePoint.Id] = displayEvent;
                }

                if (changed && displayEvent is { } shown)
                {
                    _ = Enqueue(chargePoint, shown, null, stoppingToken);
                }
            }
        }
    }

    /// <summary>Queues a text for the charge point's display: the event's, or <paramref name="plainText"/> shown for the station's own time.</summary>
    private Task<StationCommandResult> Enqueue(ChargePointSnapshot chargePoint, DisplayEvent displayEvent, string? plainText, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var previous = _sending.GetValueOrDefault(chargePoint.Id, Task.CompletedTask);
            var send = SendAfterAsync(previous, chargePoint, displayEvent, plainText, cancellationToken);
            _sending[chargePoint.Id] = send;
            return send;
        }
    }

    private async Task<StationCommandResult> SendAfterAsync(
        Task previous, ChargePointSnapshot chargePoint, DisplayEvent displayEvent, string? plainText, CancellationToken cancellationToken)
    {
        await Task.Yield(); // out of the caller's lock
        await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        var display = settings.Current.Get<DisplaySettings>();
        var text = plainText is not null ? new DisplayText(displayEvent, plainText, 0) : display.Resolve(displayEvent);
        var result = !display.Enabled && plainText is null ? StationCommandResult.Unsupported("display texts are off (Configuration › Display Text)")
            : chargePoint.Driver is not { } driver ? StationCommandResult.Unsupported(chargePoint.DriverProblem ?? "the charge point has no driver")
            : chargePoint.Driver.Capabilities is not { HasDisplay: true } ? StationCommandResult.Unsupported("the station has no display, or has not said yet")
            : await ShowTextAsync(driver, text, cancellationToken);
        if (!result.IsAccepted)
        {
            MaintenanceLog.DisplayNotShown(logger, chargePoint.Id, displayEvent.ToString(), result.Reason ?? result.Outcome.ToString());
        }

        return result;
    }

    private static async Task<StationCommandResult> ShowTextAsync(IStationDriver driver, DisplayText text, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(text.Text))
        {
            return StationCommandResult.Unsupported("the event's text is empty");
        }

        try
        {
            var duration = text.DurationSeconds > 0 ? TimeSpan.FromSeconds(text.DurationSeconds) : (TimeSpan?)null;
            return await driver.ShowTextAsync(text.Text, duration, cancellationToken);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return StationCommandResult.TimedOut("no answer in time");
        }
    }
}
