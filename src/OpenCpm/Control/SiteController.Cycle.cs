using OpenCpm.Core.ChargePoints;
using OpenCpm.Core.LoadManagement;
using OpenCpm.Meter;
using OpenCpm.Stations;

namespace OpenCpm.Control;

internal sealed partial class SiteController
{
    /// <summary>
    /// One control cycle: read, allocate, send reductions, then (when the reductions are acknowledged and followed)
    /// increases. Commands run in the background so a slow or dead station never delays the next cycle; a station
    /// gets no new command while one is on its way (the next cycle plans again from what it acknowledged).
    /// </summary>
    private Task RunCycleAsync(CancellationToken cancellationToken)
    {
        var allocator = _allocator;
        var entries = registry.Entries;
        if (allocator is null || entries.Count != _demands.Length)
        {
            return Task.CompletedTask;
        }

        var meterSnapshot = meter.Snapshot;
        lock (_gateLock)
        {
            for (var i = 0; i < entries.Count; i++)
            {
                _demands[i] = DemandOf(entries[i]);
                if (_demands[i].State == ChargePointState.Offline)
                {
                    _gate.Forget(i);
                }
                else
                {
                    _gate.Measured(i, entries[i].Status.CurrentsA.Max);
                }
            }
        }

        var allocation = allocator.Allocate(_demands, SiteConditionsOf(meterSnapshot));
        if (meterSnapshot.FreshReading is { } reading && reading.Timestamp != _lastReadingAt)
        {
            _lastReadingAt = reading.Timestamp;
            MeterToSetpoint = timeProvider.GetUtcNow() - reading.Timestamp;
        }

        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            entry.SetpointA = allocation.SetpointA[i];
            entry.LimitedBy = allocation.LimitedBy[i];
            entry.State = allocation.States[i];
            entry.GridPhases = allocation.GridPhases[i];
        }

        registry.Publish(Summarize(allocation, entries));

        var allReductionsSent = Send(entries, allocation.Plan.Reductions, reduction: true, cancellationToken);
        bool increasesAllowed;
        lock (_gateLock)
        {
            // Always ask the gate: it also clears the reductions that have settled (the status shows the rest).
            var gateOpen = _gate.IncreasesAllowed();
            increasesAllowed = allReductionsSent && gateOpen;
        }

        if (increasesAllowed)
        {
            Send(entries, allocation.Plan.Increases, reduction: false, cancellationToken);
        }

        Cycles++;
        return Task.CompletedTask;
    }

    private static ChargePointDemand DemandOf(ChargePointEntry entry)
    {
        var s = entry.Status;
        if (entry.UnresponsiveSince is { } since && s.LastSeen > since.AddSeconds(1))
        {
            // It answers again: plan from what the station itself reports, since an unanswered command may or may not
            // have been applied.
            entry.UnresponsiveSince = null;
            entry.CommandInFlightA = null;
            entry.CommandedA = null;
        }

        // A command still on its way may be in force already: plan from the higher of the two.
        var commanded = Math.Max(entry.CommandedA ?? s.SetpointA, entry.CommandInFlightA ?? 0);
        if (entry.Driver is null || !s.Online || entry.UnresponsiveSince is not null)
        {
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
            Authorized = !s.AuthorizationRequired || s.Authorized,
            MeasuredCurrentA = s.CurrentsA,
            VehiclePhases = s.ActivePhases,
            CommandedSetpointA = commanded,
            HardwareLimitA = s.HardwareMaxCurrentA > 0 ? s.HardwareMaxCurrentA : null,
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
    /// increases back too.
    /// </summary>
    private bool Send(IReadOnlyList<ChargePointEntry> entries, IReadOnlyList<SetpointChange> changes, bool reduction, CancellationToken cancellationToken)
    {
        var inFlight = _inFlight;
        var gate = _gate;
        var allSent = true;
        foreach (var change in changes)
        {
            lock (_gateLock)
            {
                if (inFlight[change.ChargePoint] == 1)
                {
                    allSent = false; // a command to this station is still on its way
                    continue;
                }

                inFlight[change.ChargePoint] = 1;
                entries[change.ChargePoint].CommandInFlightA = change.ToA;
                if (reduction)
                {
                    gate.Sent(change.ChargePoint, change.ToA);
                }
            }

            _ = SendOneAsync(entries[change.ChargePoint], change, reduction, gate, inFlight, cancellationToken);
        }

        return allSent;
    }

    private async Task SendOneAsync(
        ChargePointEntry entry, SetpointChange change, bool reduction, ReductionGate gate, int[] inFlight, CancellationToken cancellationToken)
    {
        try
        {
            if (entry.Driver is null)
            {
                return;
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(CommandTimeout);
            StationCommandResult result;
            try
            {
                result = await entry.Driver.SetCurrentAsync(change.ToA, timeout.Token);
            }
            catch (OperationCanceledException)
            {
                result = StationCommandResult.TimedOut("no answer in time");
            }
            catch (Exception ex)
            {
                // A driver fault must not stop the loop: the command counts as unanswered, the station will go offline.
                result = StationCommandResult.TimedOut(ex.Message);
            }

            if (result.Outcome == StationCommandOutcome.Accepted)
            {
                entry.CommandedA = change.ToA;
                lock (_gateLock)
                {
                    if (reduction)
                    {
                        gate.Acknowledged(change.ChargePoint);
                    }

                    inFlight[change.ChargePoint] = 0;
                }
            }
            else
            {
                // Not acknowledged: the station keeps (as far as we know) its old setpoint. Until it is heard from
                // again it counts as unreachable, so its old current stays reserved and increases elsewhere are safe;
                // the gate entry goes with the in-flight mark, atomically, so a re-sent reduction is never forgotten.
                lock (_gateLock)
                {
                    entry.UnresponsiveSince = timeProvider.GetUtcNow();
                    gate.Forget(change.ChargePoint);
                    inFlight[change.ChargePoint] = 0;
                }

                if (!cancellationToken.IsCancellationRequested)
                {
                    ControlLog.SetpointNotAcknowledged(_logger, entry.Id, change.ToA, result.Outcome.ToString(), result.Reason ?? "");
                }
            }
        }
        finally
        {
            lock (_gateLock)
            {
                inFlight[change.ChargePoint] = 0;
                if (entry.UnresponsiveSince is null)
                {
                    // Answered. An unanswered command keeps counting (it may have been applied) until the station is heard again.
                    entry.CommandInFlightA = null;
                }
            }

            Wake();
        }
    }

    private static AllocationSummary Summarize(Allocation allocation, IReadOnlyList<ChargePointEntry> entries) => new(
        allocation.At,
        new NodeSummary("site", allocation.Site.LimitA, allocation.Site.SetpointSumA),
        [.. allocation.Clusters.Select(c => new NodeSummary(c.Id, c.LimitA, c.SetpointSumA))],
        [.. allocation.Queue.Select(i => entries[i].Id)]);
}
