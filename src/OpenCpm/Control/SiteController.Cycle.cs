using System.Globalization;
using OpenCpm.Core.ChargePoints;
using OpenCpm.Core.LoadManagement;
using OpenCpm.Meter;
using OpenCpm.Stations;

namespace OpenCpm.Control;

internal sealed partial class SiteController
{
    /// <summary>
    /// One control cycle: read, allocate, send reductions, then (when the reductions are acknowledged) increases, and
    /// publish the site. Commands run in the background so a slow or dead station never delays the next cycle; a
    /// station gets no new command while one is on its way (the next cycle plans again from what it acknowledged).
    /// </summary>
    private void RunCycle(CancellationToken cancellationToken)
    {
        var allocator = _allocator;
        IReadOnlyList<ChargePointControl> controls;
        var meterSnapshot = meter.Snapshot;
        var preferences = _preferences;
        var availability = _availability;
        var profiles = smartCharging.LimitsAt(timeProvider.GetUtcNow());

        // The stations' bands are taken when the meter took its reading: the household is the meter minus what they drew then.
        var bandAt = meterSnapshot.FreshReading?.Timestamp ?? timeProvider.GetUtcNow();
        lock (_lock)
        {
            controls = _controls;
            if (allocator is null || controls.Count != _demands.Length)
            {
                return;
            }

            for (var i = 0; i < controls.Count; i++)
            {
                // A charge point held after a power failure gets no current until an operator enables it; one the
                // backend took out of service (OCPP ChangeAvailability) none until it is back in service.
                var stopped = hold.IsHeld(controls[i].Id) || availability.IsOutOfService(controls[i].Id);
                _demands[i] = DemandOf(controls[i], bandAt) with { ApiLimitA = stopped ? 0 : null, UserLimitA = preferences.LimitFor(controls[i].Id) };
                if (_demands[i].State == ChargePointState.Offline)
                {
                    // An unreachable station's vehicle is neither recalled nor forgotten: it may still be there.
                    _gate.Forget(controls[i].Key);
                }
                else
                {
                    _demands[i] = _vehicles.Recall(controls[i].Id, controls[i].Status.VehiclePlugged, authorizer.IdTagOf(controls[i].Id), _demands[i]);
                    _gate.Measured(controls[i].Key, controls[i].Status.CurrentsA.Max);
                }

                // After the recollection: a profile's minChargingRate raises a remembered minimum, never lowers it.
                _demands[i] = WithProfileLimit(_demands[i], profiles.For(controls[i].Id));
            }
        }

        var allocation = allocator.Allocate(_demands, SiteConditionsOf(meterSnapshot) with { OcppSiteLimitA = profiles.Site?.LimitA });
        if (meterSnapshot.FreshReading is { } reading && reading.Timestamp != _lastReadingAt)
        {
            _lastReadingAt = reading.Timestamp;
            _meterToSetpoint = timeProvider.GetUtcNow() - reading.Timestamp;
        }

        lock (_lock)
        {
            for (var i = 0; i < controls.Count; i++)
            {
                var control = controls[i];
                control.SetpointA = allocation.SetpointA[i];
                control.LimitedBy = allocation.LimitedBy[i];
                control.State = allocation.States[i];
                control.GridPhases = allocation.GridPhases[i];
                _vehicles.Learned(control.Id, allocation.LearnedMinimumA[i]);
            }
        }

        var allReductionsSent = Send(controls, allocation.Plan.Reductions, reduction: true, cancellationToken);
        bool increasesAllowed;
        lock (_lock)
        {
            // Always ask the gate: it also clears the reductions that have settled (the status shows the rest).
            var gateOpen = _gate.IncreasesAllowed();
            increasesAllowed = allReductionsSent && gateOpen;
        }

        if (increasesAllowed)
        {
            Send(controls, allocation.Plan.Increases, reduction: false, cancellationToken);
        }

        _cycles++;
        Publish(controls, allocation, meterSnapshot);
    }

    /// <summary>
    /// A charging profile's limit for the charge point (lowest wins in the allocator), and its minChargingRate as the
    /// least current worth giving.
    /// </summary>
    private static ChargePointDemand WithProfileLimit(ChargePointDemand demand, Core.SmartCharging.ConnectorLimit? limit) => limit is not { } l ? demand : demand with
    {
        OcppLimitA = l.LimitA,
        MinimumCurrentA = l.MinimumA is { } min && min > (demand.MinimumCurrentA ?? 0) ? min : demand.MinimumCurrentA,
    };

    /// <summary>What the allocator needs of one charge point, its current's band at <paramref name="bandAt"/> (called under the lock).</summary>
    private ChargePointDemand DemandOf(ChargePointControl control, DateTimeOffset bandAt)
    {
        var s = control.Status;
        if (control.UnresponsiveSince is { } since && s.LastSeen > since.AddSeconds(1))
        {
            // It answers again: plan from what the station itself reports, since an unanswered command may or may not
            // have been applied.
            control.UnresponsiveSince = null;
            control.CommandInFlightA = null;
            control.CommandedA = null;
        }

        // A command still on its way may be in force already: plan from the higher of the two.
        var commanded = Math.Max(control.CommandedA ?? s.SetpointA, control.CommandInFlightA ?? 0);
        if (!s.VehiclePlugged)
        {
            control.Transitions.Clear(); // no vehicle, nothing flows whatever was commanded
        }

        if (control.Driver is null || !s.Online || control.UnresponsiveSince is not null)
        {
            control.Transitions.Clear(); // its current counts at its reservation meanwhile; it reports afresh when back
            return new ChargePointDemand
            {
                State = ChargePointState.Offline,
                Authorized = true,
                CommandedSetpointA = commanded,
            };
        }

        return new ChargePointDemand
        {
            State = s.State,
            // The station's own lock (its card list) and the controller's decision (a card it accepted) both must allow it.
            Authorized = (!s.AuthorizationRequired || s.Authorized) && authorizer.AllowsCharging(control.Id),
            MeasuredCurrentA = s.CurrentsA,
            MeasuredBandA = control.Transitions.Band(s.CurrentsA, s.CurrentsMeasuredAt, s.ActivePhases, bandAt),
            StillMayDrawA = control.Transitions.PendingCount > 0 ? control.Transitions.StillMayDrawA(s.CurrentsA) : null,
            VehiclePhases = s.ActivePhases,
            CommandedSetpointA = commanded,
            HardwareLimitA = s.HardwareMaxCurrentA > 0 ? s.HardwareMaxCurrentA : null,
            HeldForReservation = authorizer.IsReserved(control.Id),
        };
    }

    /// <summary>
    /// The meter as the allocator needs it: currents signed like the power on each phase (positive = import), since
    /// many meters report current magnitudes only; a stale or lost meter means the fallback power applies.
    /// </summary>
    internal static SiteConditions SiteConditionsOf(GridMeterSnapshot snapshot)
    {
        if (!snapshot.Settings.IsConfigured)
        {
            return new SiteConditions { Meter = MeterState.None };
        }

        if (snapshot.FreshReading is not { } reading)
        {
            return new SiteConditions { Meter = MeterState.Lost };
        }

        return new SiteConditions
        {
            Meter = MeterState.Ok,
            MeterCurrentA = new PhaseCurrents(
                Signed(reading.CurrentA.L1, reading.PowerW.L1),
                Signed(reading.CurrentA.L2, reading.PowerW.L2),
                Signed(reading.CurrentA.L3, reading.PowerW.L3)),
        };
    }

    private static double Signed(double currentA, double? powerW) =>
        powerW is { } p && p < 0 ? -Math.Abs(currentA) : Math.Abs(currentA);

    /// <summary>
    /// Sends the changes in the background, one command per station at a time. Returns false when a change had to
    /// wait for a command still on its way to its station: a reduction held back that way keeps this cycle's
    /// increases back too. A change the station has acknowledged meanwhile (between the plan and now) is not sent again.
    /// </summary>
    private bool Send(IReadOnlyList<ChargePointControl> controls, IReadOnlyList<SetpointChange> changes, bool reduction, CancellationToken cancellationToken)
    {
        var allSent = true;
        foreach (var change in changes)
        {
            var control = controls[change.ChargePoint];
            lock (_lock)
            {
                if (control.Sending)
                {
                    allSent = false; // a command to this station is still on its way
                    continue;
                }

                if (control.CommandedA == change.ToA && control.CommandInFlightA is null && control.UnresponsiveSince is null)
                {
                    continue; // acknowledged after the plan was made
                }

                control.Sending = true;
                control.CommandInFlightA = change.ToA;
                if (control.Driver is { } driver)
                {
                    // What may be flowing now (not what was commanded: a setpoint above an idle vehicle frees nothing).
                    var status = control.Status;
                    var now = timeProvider.GetUtcNow();
                    var flowing = control.Transitions.Band(status.CurrentsA, status.CurrentsMeasuredAt, status.ActivePhases, now).HighA.Max;
                    var previousA = control.CommandedA ?? status.SetpointA;
                    control.Transitions.Sent(flowing, change.ToA, now, driver.Timing(previousA, change.ToA), previousA);
                }
                if (reduction)
                {
                    _gate.Sent(control.Key, change.ToA);
                }
            }

            _ = SendOneAsync(control, change.ToA, reduction, cancellationToken);
        }

        return allSent;
    }

    private async Task SendOneAsync(ChargePointControl control, double setpointA, bool reduction, CancellationToken cancellationToken)
    {
        try
        {
            if (control.Driver is not { } driver)
            {
                return;
            }

            var result = await CommandAsync(driver, setpointA, cancellationToken);
            if (result.Outcome == StationCommandOutcome.Accepted)
            {
                lock (_lock)
                {
                    control.CommandedA = setpointA;
                    if (reduction)
                    {
                        _gate.Acknowledged(control.Key);
                    }
                }
            }
            else
            {
                // Not acknowledged: the station keeps (as far as we know) its old setpoint. Until it is heard from
                // again it counts as unreachable, so its old current stays reserved and increases elsewhere are safe;
                // the gate entry goes in the same step, so a re-sent reduction is never forgotten.
                lock (_lock)
                {
                    control.UnresponsiveSince = timeProvider.GetUtcNow();
                    control.CommandProblem = string.Create(CultureInfo.InvariantCulture, $"the setpoint of {setpointA:0.#} A was not acknowledged ({result.Reason ?? result.Outcome.ToString()})");
                    _gate.Forget(control.Key);
                }

                if (!cancellationToken.IsCancellationRequested)
                {
                    ControlLog.SetpointNotAcknowledged(logger, control.Id, setpointA, result.Outcome.ToString(), result.Reason ?? "");
                }
            }
        }
        finally
        {
            lock (_lock)
            {
                control.Sending = false;
                if (control.UnresponsiveSince is null)
                {
                    // Answered. An unanswered command keeps counting (it may have been applied) until the station is heard again.
                    control.CommandInFlightA = null;
                }
            }

            Wake();
        }
    }

    /// <summary>The driver's answer to a setpoint; a timeout or a driver fault counts as no answer (never thrown).</summary>
    private async Task<StationCommandResult> CommandAsync(IStationDriver driver, double setpointA, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(CommandTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await driver.SetCurrentAsync(setpointA, linked.Token);
        }
        catch (OperationCanceledException)
        {
            return StationCommandResult.TimedOut("no answer in time");
        }
        catch (Exception ex)
        {
            // A driver fault must not stop the loop: the command counts as unanswered, the station will go offline.
            return StationCommandResult.TimedOut(ex.Message);
        }
    }

    private void Publish(IReadOnlyList<ChargePointControl> controls, Allocation allocation, GridMeterSnapshot meterSnapshot)
    {
        SiteSnapshot snapshot;
        lock (_lock)
        {
            snapshot = new SiteSnapshot
            {
                At = allocation.At,
                ChargePoints = [.. controls.Select(c => c.ToSnapshot())],
                Allocation = new AllocationSummary(
                    allocation.At,
                    new NodeSummary("site", allocation.Site.LimitA, allocation.Site.SetpointSumA),
                    [.. allocation.Clusters.Select(c => new NodeSummary(c.Id, c.LimitA, c.SetpointSumA))],
                    [.. allocation.Queue.Select(i => controls[i].Id)])
                {
                    SafetyCorrections = allocation.SafetyCorrections,
                    ImplausibleStationCurrents = allocation.ImplausibleStationCurrents,
                    UnreachableReservedExcessA = allocation.UnreachableReservedExcessA,
                    HouseholdA = allocation.HouseholdA,
                },
                Meter = meterSnapshot,
                Backend = backend.Live.Current,
                Controller = new ControllerStatistics(_cycles, _meterToSetpoint, _gate.PendingCount, controls.Count(c => c.Sending)) { SettingsProblem = _settingsProblem },
            };
        }

        snapshots.Live.Publish(snapshot);
    }
}
