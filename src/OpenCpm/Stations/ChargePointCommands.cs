using OpenCpm.Control;
using OpenCpm.Data;
using OpenCpm.Settings;

namespace OpenCpm.Stations;

/// <summary>
/// The operator's actions on a charge point (start without a card, stop, restart, unlock), the same for the REST API
/// and the web UI. A start without a card uses the configured predefined token; a stop the station accepted ends the
/// running session with stop reason Remote; an unlock while a session runs stops charging first (manual 8.1.1: the
/// socket is unlocked only once charging has stopped).
/// </summary>
internal sealed class ChargePointCommands(SiteSnapshots site, SettingsService settings, Sessions.SessionRecorder recorder)
{
    /// <summary>The token of a start without a card when no predefined token is configured.</summary>
    public const string DefaultToken = "OPENCPM";

    public async Task<ChargePointActionResult> RunAsync(string chargePointId, ChargePointAction action, string? idTag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chargePointId);
        if (site.Current.Find(chargePointId) is not { } chargePoint)
        {
            return new(ChargePointActionOutcome.NoSuchChargePoint, $"There is no charge point \"{chargePointId}\".");
        }

        if (chargePoint.Driver is not { } driver)
        {
            return new(ChargePointActionOutcome.NoDriver, $"Charge point \"{chargePointId}\" can't be commanded: {chargePoint.DriverProblem}.");
        }

        var verb = action.ToString().ToLowerInvariant();
        var result = action switch
        {
            ChargePointAction.Start => await driver.StartAsync(idTag ?? await DefaultTagAsync(cancellationToken), cancellationToken),
            ChargePointAction.Stop => await driver.StopAsync(idTag, cancellationToken),
            ChargePointAction.Restart => await driver.RestartAsync(cancellationToken),
            _ => await StopThenUnlockAsync(chargePoint, driver, cancellationToken),
        };
        if (action == ChargePointAction.Stop && result.IsAccepted)
        {
            recorder.NoteRemoteStop(chargePointId);
        }

        return result.Outcome switch
        {
            StationCommandOutcome.Accepted => ChargePointActionResult.Done,
            StationCommandOutcome.Unsupported => new(ChargePointActionOutcome.Unsupported, $"Charge point \"{chargePointId}\" can't {verb}: {result.Reason}"),
            StationCommandOutcome.TimedOut => new(ChargePointActionOutcome.TimedOut, $"Charge point \"{chargePointId}\" did not answer the {verb} command: {result.Reason}"),
            _ => new(ChargePointActionOutcome.Refused, $"Charge point \"{chargePointId}\" refused to {verb}: {result.Reason}"),
        };
    }

    private async Task<StationCommandResult> StopThenUnlockAsync(ChargePointSnapshot chargePoint, IStationDriver driver, CancellationToken cancellationToken)
    {
        if (chargePoint.Status.VehiclePlugged && chargePoint.Status.Authorized)
        {
            var stop = await driver.StopAsync(null, cancellationToken);
            if (stop.IsAccepted)
            {
                recorder.NoteRemoteStop(chargePoint.Id);
            }
            else if (stop.Outcome != StationCommandOutcome.Unsupported)
            {
                return stop;
            }
        }

        return await driver.UnlockAsync(cancellationToken);
    }

    private async Task<string> DefaultTagAsync(CancellationToken cancellationToken) =>
        (await settings.GetAsync<AuthorizationSettings>(cancellationToken)).PredefinedToken is { Length: > 0 } token ? token : DefaultToken;
}
