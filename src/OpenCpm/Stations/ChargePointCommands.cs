using OpenCpm.Authorization;
using OpenCpm.Control;
using OpenCpm.Core.Authorization;
using OpenCpm.Core.Sessions;
using OpenCpm.Settings;

namespace OpenCpm.Stations;

/// <summary>
/// The operator's actions on a charge point (start without a card, stop, restart, unlock), the same for the REST API
/// and the web UI. Start and stop go to the controller's authorization (which gives or takes the current) and, for a
/// station that keeps its own card list and is locked, to the station as well; a start without a card runs under
/// the configured predefined token. A stop ends the running session with stop reason Remote (or the reason the
/// backend's command gives: SoftReset, HardReset, DeAuthorized). An unlock while a session runs stops charging first
/// (manual 8.1.1: the socket is unlocked only once charging has stopped), with stop reason UnlockCommand.
/// </summary>
internal sealed class ChargePointCommands(SiteSnapshots site, SettingsService settings, ChargingAuthorizer authorizer, Sessions.SessionRecorder recorder)
{
    public Task<ChargePointActionResult> RunAsync(string chargePointId, ChargePointAction action, string? idTag, CancellationToken cancellationToken) =>
        RunAsync(chargePointId, action, idTag, StopReason.Remote, cancellationToken);

    /// <summary>The action, a stop ending the session with <paramref name="stopReason"/>.</summary>
    public async Task<ChargePointActionResult> RunAsync(string chargePointId, ChargePointAction action, string? idTag, StopReason stopReason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chargePointId);
        if (site.Current.Find(chargePointId) is not { } chargePoint)
        {
            return new(ChargePointActionOutcome.NoSuchChargePoint, $"There is no charge point \"{chargePointId}\".");
        }

        CardUid? tag = null;
        if (idTag is not null && !CardUid.TryParse(idTag, out tag, out var problem))
        {
            return new(ChargePointActionOutcome.Invalid, $"The idTag {problem}.");
        }

        if (chargePoint.Driver is not { } driver)
        {
            return new(ChargePointActionOutcome.NoDriver, $"Charge point \"{chargePointId}\" can't be commanded: {chargePoint.DriverProblem}.");
        }

        var verb = action.ToString().ToLowerInvariant();
        StationCommandResult result;
        switch (action)
        {
            case ChargePointAction.Start:
                tag ??= (await settings.GetAsync<Data.AuthorizationSettings>(cancellationToken)).ToPolicy().PredefinedToken;
                await authorizer.StartAsync(chargePointId, tag, cancellationToken);
                result = chargePoint.Status.AuthorizationRequired
                    ? await driver.StartAsync(tag?.Value ?? "", cancellationToken) // the station's own lock: it must be told too
                    : StationCommandResult.Accepted;
                break;
            case ChargePointAction.Stop:
                result = await StopAsync(chargePoint, driver, tag, stopReason, cancellationToken);
                break;
            case ChargePointAction.Restart:
                result = await driver.RestartAsync(cancellationToken);
                break;
            default:
                result = await StopThenUnlockAsync(chargePoint, driver, cancellationToken);
                break;
        }

        return result.Outcome switch
        {
            StationCommandOutcome.Accepted => ChargePointActionResult.Done,
            StationCommandOutcome.Unsupported => new(ChargePointActionOutcome.Unsupported, $"Charge point \"{chargePointId}\" can't {verb}: {result.Reason}"),
            StationCommandOutcome.TimedOut => new(ChargePointActionOutcome.TimedOut, $"Charge point \"{chargePointId}\" did not answer the {verb} command: {result.Reason}"),
            _ => new(ChargePointActionOutcome.Refused, $"Charge point \"{chargePointId}\" refused to {verb}: {result.Reason}"),
        };
    }

    private async Task<StationCommandResult> StopAsync(ChargePointSnapshot chargePoint, IStationDriver driver, CardUid? tag, StopReason reason, CancellationToken cancellationToken)
    {
        await authorizer.StopAsync(chargePoint.Id, cancellationToken);
        var result = chargePoint.Status.Authorized // the station's own lock was opened by a card: close it too
            ? await driver.StopAsync(tag?.Value, cancellationToken)
            : StationCommandResult.Accepted;
        recorder.NoteRemoteStop(chargePoint.Id, reason);
        return result;
    }

    private async Task<StationCommandResult> StopThenUnlockAsync(ChargePointSnapshot chargePoint, IStationDriver driver, CancellationToken cancellationToken)
    {
        if (chargePoint.Status.VehiclePlugged && (chargePoint.Status.Authorized || authorizer.AllowsCharging(chargePoint.Id)))
        {
            var stop = await StopAsync(chargePoint, driver, null, StopReason.UnlockCommand, cancellationToken);
            if (!stop.IsAccepted && stop.Outcome != StationCommandOutcome.Unsupported)
            {
                return stop;
            }
        }

        return await driver.UnlockAsync(cancellationToken);
    }
}
