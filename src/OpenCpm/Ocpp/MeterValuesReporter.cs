using OpenCpm.Control;
using OpenCpm.Data;
using OpenCpm.Protocols.Ocpp;
using OpenCpm.Protocols.Ocpp.V16;
using OpenCpm.Settings;

namespace OpenCpm.Ocpp;

/// <summary>
/// Clock-aligned MeterValues (ClockAlignedDataInterval, aligned to midnight in the site's time zone;
/// MeterValuesAlignedData) for connector 0 (the network sum) and every connector, with context Sample.Clock: a
/// connector with a transaction through the outbox (a transaction message, kept for StopTxnAlignedData too), the
/// others sent directly while connected (not queued: they are not transaction messages). TriggerMessage MeterValues
/// sends the latest MeterValuesSampledData of a connector (or all) with context Trigger.
/// </summary>
internal sealed class MeterValuesReporter(
    CsmsLink link,
    SiteSnapshots site,
    SettingsService settings,
    TransactionTracker tracker,
    TimeProvider time,
    ILogger<MeterValuesReporter> logger) : BackgroundService
{
    /// <summary>TriggerMessage MeterValues for <paramref name="connectorId"/> (null: connector 0 and all).</summary>
    public async Task SendTriggeredAsync(int? connectorId, CancellationToken cancellationToken)
    {
        var measurands = OcppMeasurands.Parse(settings.Current.Get<OcppChargePointSettings>().MeterValuesSampledData);
        foreach (var (connector, values) in Readings(connectorId, measurands, ReadingContext.Trigger))
        {
            var transactionId = connector > 0 && tracker.Running.Current.Values.FirstOrDefault(t => t.ConnectorId == connector) is { TransactionId: { } id } ? id : (int?)null;
            await SendAsync(new MeterValuesRequest { ConnectorId = connector, TransactionId = transactionId, MeterValue = [values] }, whilePending: true, cancellationToken);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var changed = new OutboxSignal();
        var interval = settings.Current.Get<OcppChargePointSettings>().ClockAlignedDataIntervalSeconds;
        using var subscription = settings.Changes.Subscribe(change =>
        {
            if (change.After.Get<OcppChargePointSettings>().ClockAlignedDataIntervalSeconds != Volatile.Read(ref interval))
            {
                changed.Wake();
            }
        });
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = changed.Next();
            Volatile.Write(ref interval, settings.Current.Get<OcppChargePointSettings>().ClockAlignedDataIntervalSeconds);
            try
            {
                if (interval <= 0)
                {
                    await next.WaitAsync(stoppingToken);
                    continue;
                }

                var now = time.GetLocalNow();
                var midnight = new DateTimeOffset(now.Date, now.Offset);
                var period = TimeSpan.FromSeconds(interval);
                var at = midnight + (period * (Math.Floor((now - midnight) / period) + 1));
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                var due = Task.Delay(at - now, time, stop.Token);
                if (await Task.WhenAny(due, next) == due)
                {
                    await SampleAsync(at, stoppingToken);
                }

                await stop.CancelAsync();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                OcppHostLog.StepFailed(logger, "the clock-aligned meter values", ex);
            }
        }
    }

    private async Task SampleAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        var config = settings.Current.Get<OcppChargePointSettings>();
        var measurands = OcppMeasurands.Parse(config.MeterValuesAlignedData);
        if (measurands.Count == 0)
        {
            return;
        }

        var keepForStop = OcppMeasurands.Parse(config.StopTxnAlignedData).Count > 0;
        var connectors = new OcppConnectors(settings.Current.Site);
        foreach (var (connector, values) in Readings(null, measurands, ReadingContext.SampleClock))
        {
            var value = values with { Timestamp = at };
            if (connector > 0 && await tracker.EnqueueAlignedAsync(connectors.ChargePointAt(connector)!.Id, value, keepForStop, cancellationToken))
            {
                continue;
            }

            if (link.IsAccepted)
            {
                await SendAsync(new MeterValuesRequest { ConnectorId = connector, MeterValue = [value] }, whilePending: false, cancellationToken);
            }
        }
    }

    /// <summary>Connector 0 (the network) and each connector whose station is known, or just <paramref name="connectorId"/>.</summary>
    private IEnumerable<(int Connector, MeterValue Value)> Readings(int? connectorId, IReadOnlyList<Measurand> measurands, ReadingContext context)
    {
        var snapshot = site.Current;
        var connectors = new OcppConnectors(settings.Current.Site);
        var now = time.GetUtcNow();
        if (connectorId is null or 0)
        {
            var stations = connectors.ChargePoints.Select(c => snapshot.Find(c.Id)?.Status).OfType<Stations.StationStatus>();
            yield return (0, new MeterValue { Timestamp = now, SampledValue = OcppMeterReadings.Network(stations, measurands, context) });
        }

        for (var connector = 1; connector <= connectors.Count; connector++)
        {
            if ((connectorId is null || connectorId == connector) && snapshot.Find(connectors.ChargePointAt(connector)!.Id) is { } chargePoint)
            {
                yield return (connector, new MeterValue { Timestamp = now, SampledValue = OcppMeterReadings.Connector(chargePoint.Status, measurands, context) });
            }
        }
    }

    private async Task SendAsync(MeterValuesRequest request, bool whilePending, CancellationToken cancellationToken)
    {
        if (request.MeterValue[0].SampledValue.Count == 0)
        {
            return;
        }

        try
        {
            await link.CallAsync(request, whilePending, cancellationToken);
        }
        catch (Exception ex) when (ex is OcppConnectionClosedException or TimeoutException or OcppCallErrorException or OcppProtocolException)
        {
            OcppHostLog.CallFailed(logger, "MeterValues", ex.Message);
        }
    }
}
