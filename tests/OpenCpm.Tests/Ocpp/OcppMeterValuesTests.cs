using OpenCpm.Tests.Interop.OcppRpc;

namespace OpenCpm.Tests.Ocpp;

/// <summary>Clock-aligned meter values (ClockAlignedDataInterval, MeterValuesAlignedData): connector 0 is the network's sum.</summary>
public sealed class OcppMeterValuesTests(OcppRpcPeerFixture fixture) : IClassFixture<OcppRpcPeerFixture>
{
    private OcppRpcPeer Peer => fixture.Peer;

    [Fact]
    public async Task Clock_aligned_readings_come_on_the_interval_for_every_connector_and_the_network_sum()
    {
        await using var site = await OcppSite.StartAsync(Peer, "CP-ALIGNED", stations: 2);
        await site.UntilStatusAsync(2, "Available");
        site.Station(1).PlugIn(OcppSite.Car);
        site.Station(2).PlugIn(OcppSite.Car);
        await site.UntilAsync(() => site.LastStatus(1) == "Charging" && site.LastStatus(2) == "Charging", "both charge");
        Assert.Equal("Accepted", (await site.CallAsync("ChangeConfiguration", """{"key":"MeterValuesAlignedData","value":"Energy.Active.Import.Register,Power.Active.Import"}""")).GetProperty("status").GetString());
        Assert.Equal("Accepted", (await site.CallAsync("ChangeConfiguration", """{"key":"ClockAlignedDataInterval","value":"60"}""")).GetProperty("status").GetString());

        await site.UntilAsync(() => Aligned(site).Select(a => a.Connector).Distinct().Count() == 3, "aligned readings of connectors 0, 1 and 2");
        var readings = Aligned(site);
        Assert.All(readings, r => Assert.Equal(0, r.At.Second));
        Assert.All(readings.Where(r => r.Connector > 0), r => Assert.NotNull(r.TransactionId)); // in a transaction: through the outbox
        var at = readings.First(r => r.Connector == 0).At;
        var network = readings.Single(r => r.Connector == 0 && r.At == at).PowerW;
        var sum = readings.Where(r => r.Connector > 0 && r.At == at).Sum(r => r.PowerW);
        Assert.True(readings.Count(r => r.Connector > 0 && r.At == at) == 2, "both connectors read at the same aligned instant");
        Assert.Equal(sum, network, 1.5); // each value is rounded to whole watts
        Assert.True(network > 0, "the vehicles draw power");
    }

    private static List<(int Connector, DateTimeOffset At, double PowerW, int? TransactionId)> Aligned(OcppSite site) =>
        [.. site.Handled("MeterValues")
            .SelectMany(m => m.GetProperty("meterValue").EnumerateArray().Select(v => (Message: m, Value: v)))
            .Where(x => x.Value.GetProperty("sampledValue")[0].GetProperty("context").GetString() == "Sample.Clock")
            .Select(x => (
                x.Message.GetProperty("connectorId").GetInt32(),
                x.Value.GetProperty("timestamp").GetDateTimeOffset(),
                x.Value.GetProperty("sampledValue").EnumerateArray().Where(s => s.GetProperty("measurand").GetString() == "Power.Active.Import")
                    .Sum(s => double.Parse(s.GetProperty("value").GetString()!, System.Globalization.CultureInfo.InvariantCulture)),
                x.Message.TryGetProperty("transactionId", out var id) ? (int?)id.GetInt32() : null))];
}
