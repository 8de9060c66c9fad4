using System.Text.Json;
using OpenCpm.Tests.Interop.OcppRpc;

namespace OpenCpm.Tests.Ocpp;

/// <summary>
/// What the backend got of the transactions, checked: exactly one StartTransaction and one StopTransaction per session,
/// each transaction's MeterValues between them with the transactionId the backend gave, one transaction per connector
/// at a time, no meter going back within a transaction, no message twice.
/// </summary>
internal static class TransactionLedger
{
    /// <summary>The transaction messages the backend processed, in the order it got them, with the id each StartTransaction was given.</summary>
    public static List<(string Action, JsonElement Params, int? GivenId)> Transactions(OcppRpcPeer peer, string identity)
    {
        var given = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (outbound, text) in peer.Messages(identity))
        {
            var frame = JsonDocument.Parse(text).RootElement;
            if (outbound && frame[0].GetInt32() == 3 && frame[2].TryGetProperty("transactionId", out var id))
            {
                given[frame[1].GetString()!] = id.GetInt32();
            }
        }

        return [.. peer.Messages(identity)
            .Where(m => !m.Outbound)
            .Select(m => JsonDocument.Parse(m.Text).RootElement)
            .Where(f => f[0].GetInt32() == 2 && f[2].GetString() is "StartTransaction" or "StopTransaction" or "MeterValues")
            .Select(f => (f[2].GetString()!, f[3].Clone(), given.TryGetValue(f[1].GetString()!, out var id) ? (int?)id : null))];
    }

    /// <summary>Exactly one start and one stop per session, everything of a transaction between them with its id, connectors in turn.</summary>
    public static string Verify(List<(string Action, JsonElement Params, int? GivenId)> messages, int sessions)
    {
        var starts = messages.Where(m => m.Action == "StartTransaction").ToList();
        var stops = messages.Where(m => m.Action == "StopTransaction").ToList();
        var values = messages.Where(m => m.Action == "MeterValues").ToList();
        Assert.Equal(sessions, starts.Count);
        Assert.Equal(sessions, stops.Count);
        var ids = starts.Select(s => s.GivenId!.Value).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(ids.Order(), stops.Select(s => s.Params.GetProperty("transactionId").GetInt32()).Order());
        Assert.Equal(values.Count, values.Select(v => v.Params.GetRawText()).Distinct(StringComparer.Ordinal).Count()); // no MeterValues twice

        var open = new Dictionary<int, int>(); // connector → its running transaction
        var meterStartWh = new Dictionary<int, int>(); // transactionId → meterStart
        var ofTransaction = new Dictionary<int, int>(); // transactionId → connector
        foreach (var (action, payload, givenId) in messages)
        {
            switch (action)
            {
                case "StartTransaction":
                    var connector = payload.GetProperty("connectorId").GetInt32();
                    Assert.False(open.ContainsKey(connector), $"connector {connector} started a transaction before the last one stopped");
                    open[connector] = givenId!.Value;
                    meterStartWh[givenId.Value] = payload.GetProperty("meterStart").GetInt32();
                    ofTransaction[givenId.Value] = connector;
                    break;
                case "MeterValues":
                    var of = payload.GetProperty("transactionId").GetInt32();
                    Assert.True(open.TryGetValue(payload.GetProperty("connectorId").GetInt32(), out var running) && running == of, $"MeterValues of transaction {of} outside it");
                    break;
                default:
                    var stopped = payload.GetProperty("transactionId").GetInt32();
                    var at = ofTransaction[stopped];
                    Assert.Equal(stopped, open[at]);
                    open.Remove(at);
                    Assert.True(payload.GetProperty("meterStop").GetInt32() >= meterStartWh[stopped], $"transaction {stopped}'s meter went back");
                    break;
            }
        }

        Assert.Empty(open);
        return $"{starts.Count} StartTransaction, {values.Count} MeterValues, {stops.Count} StopTransaction: 0 lost, 0 duplicated, 0 out of order";
    }
}
