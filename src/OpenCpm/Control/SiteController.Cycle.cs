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

        Send(entries, allocation.Plan.Reductions, reduction: true, cancellationToken);
        bool increasesAllowed;
        lock (_gateLock)
        {
            increasesAllowed = _gate.IncreasesAllowed();
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
        if (entry.Driver is null || !s.Online)
        {
            return new ChargePointDemand
            {
                State = ChargePointState.Offline,
                Authorized = true,
                CommandedSetpointA = entry.CommandedA ?? s.SetpointA,
            };
        }

        return new ChargePointDemand
        {
            State = s.State,
            Authorized = !s.AuthorizationRequired || s.Authorized,
            MeasuredCurrentA = s.CurrentsA,
            VehiclePhases = s.ActivePhases,
            CommandedSetpointA = entry.CommandedA ?? s.SetpointA,
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

    private void Send(IReadOnlyList<ChargePointEntry> entries, IReadOnlyList<SetpointChange> changes, bool reduction, CancellationToken cancellationToken)
    {
        var inFlight = _inFlight;
        var gate = _gate;
        foreach (var change in changes)
        {
            if (Interlocked.Exchange(ref inFlight[change.ChargePoint], 1) == 1)
            {
                continue; // a command to this station is still on its way
            }

            if (reduction)
            {
                lock (_gateLock)
                {
                    gate.Sent(change.ChargePoint, change.ToA);
                }
            }

            _ = SendOneAsync(entries[change.ChargePoint], change, reduction, gate, inFlight, cancellationToken);
        }
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
                if (reduction)
                {
                    lock (_gateLock)
                    {
                        gate.Acknowledged(change.ChargePoint);
                    }
                }
            }
            else if (!cancellationToken.IsCancellationRequested)
            {
                ControlLog.SetpointNotAcknowledged(_logger, entry.Id, change.ToA, result.Outcome.ToString(), result.Reason ?? "");
            }
        }
        finally
        {
            Volatile.Write(ref inFlight[change.ChargePoint], 0);
            Wake();
        }
    }

    private static AllocationSummary Summarize(Allocation allocation, IReadOnlyList<ChargePointEntry> entries) => new(
        allocation.At,
        new NodeSummary("site", allocation.Site.LimitA, allocation.Site.SetpointSumA),
        [.. allocation.Clusters.Select(c => new NodeSummary(c.Id, c.LimitA, c.SetpointSumA))],
        [.. allocation.Queue.Select(i => entries[i].Id)]);
}
