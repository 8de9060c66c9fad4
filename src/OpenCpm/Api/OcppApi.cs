using OpenCpm.Data;

namespace OpenCpm.Api;

/// <summary>
/// /api/v1/ocpp: the connection to the OCPP backend (CSMS; the authorization key is write-only) and the outbox of
/// transaction messages waiting for it.
/// </summary>
internal static class OcppApi
{
    public const int MaxOutboxItems = 1000;

    public static RouteGroupBuilder MapOcppApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/ocpp").WithTags("OCPP backend");
        group.MapSettingsDocument<OcppBackendSettings, OcppSettingsDto>(
            "OcppSettings", "the OCPP backend settings", OcppSettingsDto.From, (body, stored) => body.ToSettings(stored));
        group.MapGet("/outbox", OutboxAsync).WithName("GetOcppOutbox")
            .WithSummary("The transaction messages (StartTransaction, StopTransaction, MeterValues) waiting for the backend, oldest first (at most 1,000 listed).");
        return api;
    }

    private static async Task<OcppOutboxPageDto> OutboxAsync(OcppTransactionStore store, CancellationToken cancellationToken)
    {
        var total = await store.CountAsync(cancellationToken);
        var items = await store.ListAsync(MaxOutboxItems, cancellationToken);
        return new OcppOutboxPageDto(total, [.. items.Select(i => new OcppOutboxDto(
            i.Message.Id, i.Message.Action, i.Transaction.ConnectorId, i.Transaction.ChargePoint, i.Transaction.Id, i.Transaction.TransactionId, i.Message.Attempts, i.Message.CreatedAt, i.Message.NextAttemptAt))]);
    }
}
