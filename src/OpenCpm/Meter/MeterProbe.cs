using System.Diagnostics;
using OpenCpm.Data;
using OpenCpm.Protocols.Modbus;

namespace OpenCpm.Meter;

/// <summary>
/// One reading of a meter given by its settings, apart from the configured one the poller reads: "Test connection"
/// on the External TCP meter page (settings not applied yet) and <c>opencpm meter read</c>.
/// </summary>
internal sealed class MeterProbe(MeterProfileCatalog profiles, TimeProvider time)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    /// <summary>Reads once with <paramref name="settings"/>; a sentence says why not (invalid settings, unknown profile, no answer, a bad reading).</summary>
    public async Task<MeterProbeResult> ReadAsync(MeterSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if ((settings with { Enabled = true }).Validate() is [_, ..] problems)
        {
            return MeterProbeResult.Failed(string.Join(" ", problems));
        }

        if (profiles.Find(settings.ProfileId!) is not { } profile)
        {
            return MeterProbeResult.Failed($"The meter profile \"{Security.LogText.Escape(settings.ProfileId!)}\" is not known to this controller.");
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            var values = await ReadOnceAsync(profile, settings.Host!, settings.Port, (byte)settings.UnitId, Timeout, time, cancellationToken);
            var reading = GridMeterReading.From(values, time.GetUtcNow(), out var problem);
            return new MeterProbeResult(reading, problem, Stopwatch.GetElapsedTime(started));
        }
        catch (ModbusException e)
        {
            return MeterProbeResult.Failed(e.Message);
        }
    }

    /// <summary>One reading through <paramref name="profile"/> over a connection of its own (closed afterwards).</summary>
    public static async Task<MeterValues> ReadOnceAsync(
        MeterProfile profile, string host, int port, byte unitId, TimeSpan timeout, TimeProvider? time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        await using var client = new ModbusTcpClient(new ModbusTcpClientOptions(host, port, unitId) { Timeout = timeout }, time);
        return await new MeterProfileReader(profile, client).ReadAsync(cancellationToken);
    }
}
