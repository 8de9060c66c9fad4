using OpenCpm.Data;
using OpenCpm.Protocols.Ocpp.V16;
using OpenCpm.Settings;

namespace OpenCpm.Ocpp;

/// <summary>
/// ChangeAvailability: a charge point taken out of service gets no current from the control loop and shows
/// Unavailable; connector 0 takes the whole network. A charge point with a running transaction changes only when the
/// transaction ends (answer Scheduled). Kept in <see cref="AvailabilitySettings"/>, so it survives a restart.
/// </summary>
internal sealed class OcppAvailability(SettingsService settings)
{
    public const string Actor = "The backend";

    /// <summary>Applies or schedules the change; null when the connector does not exist.</summary>
    public async Task<AvailabilityStatus?> ChangeAsync(OcppConnectors connectors, int connectorId, bool operative, Func<string, bool> inTransaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connectors);
        ArgumentNullException.ThrowIfNull(inTransaction);
        IReadOnlyList<string> targets = connectorId == 0
            ? [.. connectors.ChargePoints.Select(c => c.Id)]
            : connectors.ChargePointAt(connectorId) is { } one ? [one.Id] : [];
        if (targets.Count == 0 && connectorId != 0)
        {
            return null;
        }

        var scheduled = false;
        var outcome = await settings.UpdateAsync<AvailabilitySettings>(current =>
        {
            var outOfService = current.OutOfService.ToHashSet(StringComparer.Ordinal);
            var toOut = current.ScheduledOutOfService.ToHashSet(StringComparer.Ordinal);
            var toIn = current.ScheduledInService.ToHashSet(StringComparer.Ordinal);
            foreach (var id in targets)
            {
                toOut.Remove(id);
                toIn.Remove(id);
                if (outOfService.Contains(id) == !operative)
                {
                    continue;
                }

                if (inTransaction(id))
                {
                    scheduled = true;
                    (operative ? toIn : toOut).Add(id);
                }
                else if (operative)
                {
                    outOfService.Remove(id);
                }
                else
                {
                    outOfService.Add(id);
                }
            }

            var next = current with
            {
                NetworkOutOfService = connectorId == 0 ? !operative : current.NetworkOutOfService,
                OutOfService = [.. outOfService.Order(StringComparer.Ordinal)],
                ScheduledOutOfService = [.. toOut.Order(StringComparer.Ordinal)],
                ScheduledInService = [.. toIn.Order(StringComparer.Ordinal)],
            };
            return Same(next, current) ? SettingsEdit<AvailabilitySettings>.NoChange() : next;
        }, Actor, connectorId == 0 ? $"the availability of the whole network to {(operative ? "operative" : "inoperative")}" : $"the availability of connector {connectorId} to {(operative ? "operative" : "inoperative")}", cancellationToken);
        if (!outcome.IsSaved)
        {
            throw new InvalidOperationException(string.Join(" ", outcome.Errors));
        }

        return scheduled ? AvailabilityStatus.Scheduled : AvailabilityStatus.Accepted;
    }

    /// <summary>The transaction at <paramref name="chargePointId"/> ended: a change scheduled for it takes effect now.</summary>
    public async Task TransactionEndedAsync(string chargePointId, CancellationToken cancellationToken)
    {
        var current = settings.Current.Get<AvailabilitySettings>();
        var toOut = current.ScheduledOutOfService.Contains(chargePointId, StringComparer.Ordinal);
        var toIn = current.ScheduledInService.Contains(chargePointId, StringComparer.Ordinal);
        if (!toOut && !toIn)
        {
            return;
        }

        await settings.UpdateAsync<AvailabilitySettings>(a => a with
        {
            OutOfService = toOut ? [.. a.OutOfService.Append(chargePointId).Distinct(StringComparer.Ordinal)] : [.. a.OutOfService.Where(id => id != chargePointId)],
            ScheduledOutOfService = [.. a.ScheduledOutOfService.Where(id => id != chargePointId)],
            ScheduledInService = [.. a.ScheduledInService.Where(id => id != chargePointId)],
        }, Actor, $"the availability of {chargePointId} at the end of its transaction", cancellationToken);
    }

    private static bool Same(AvailabilitySettings a, AvailabilitySettings b) =>
        a.NetworkOutOfService == b.NetworkOutOfService
        && a.OutOfService.SequenceEqual(b.OutOfService)
        && a.ScheduledOutOfService.SequenceEqual(b.ScheduledOutOfService)
        && a.ScheduledInService.SequenceEqual(b.ScheduledInService);
}
