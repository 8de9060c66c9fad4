using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using OpenCpm.Core.LoadManagement;
using OpenCpm.Protocols.Modbus;
using OpenCpm.Simulation.Meters;
using OpenCpm.Simulation.Stations;

namespace OpenCpm.Simulation;

/// <summary>
/// A whole simulated charging site, the other end of every wire of the controller (used by <c>opencpm demo</c>):
/// N KEBA P30 stations speaking UDP on their own loopback addresses at port 7090, and a grid meter speaking
/// Modbus TCP that measures household load plus what the stations' vehicles really draw, phase by phase through
/// each station's wiring. The meter follows the stations on one timer of the injected clock (and at once after a
/// plug, unplug or card), so 200 stations cost 200 sockets and timers but no thread.
/// </summary>
public sealed class SimulatedSite : IAsyncDisposable
{
    private readonly Lock _meterSync = new();
    private readonly List<SimulatedSiteStation> _stations;
    private readonly Dictionary<IPAddress, SimulatedSiteStation> _byAddress;
    private ITimer? _timer;
    private int _disposed;

    private SimulatedSite(SimulatedSiteOptions options, SimulatedGridMeter meter)
    {
        Options = options;
        Meter = meter;
        _stations = new List<SimulatedSiteStation>(options.Stations.Count);
        _byAddress = [];
    }

    public SimulatedSiteOptions Options { get; }

    public IReadOnlyList<SimulatedSiteStation> Stations => _stations;

    /// <summary>The grid meter (its <see cref="SimulatedGridMeter.CurrentValues"/> are what the controller reads).</summary>
    public SimulatedGridMeter Meter { get; }

    public IPAddress MeterAddress => Meter.Address;

    public int MeterPort => Meter.Port;

    public PhaseCurrents HouseholdLoad => Meter.HouseholdLoad;

    /// <summary>
    /// Starts the meter and every station. Throws <see cref="SocketException"/> when an address can't be bound
    /// (e.g. 127.0.0.x aliases on macOS, or port 7090 taken), after releasing what was already started.
    /// </summary>
    public static SimulatedSite Start(SimulatedSiteOptions options, TimeProvider timeProvider, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var profile = MeterProfileCatalog.BuiltIn.Find(options.MeterProfileId)
            ?? throw new ArgumentException($"There is no built-in meter profile \"{options.MeterProfileId}\".", nameof(options));
        var duplicate = options.Stations.GroupBy(s => s.Address).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two simulated stations have the address {duplicate.Key}.", nameof(options));
        }

        var meter = SimulatedGridMeter.Launch(
            profile,
            new SimulatedGridMeterOptions { Address = options.MeterAddress, Port = options.MeterPort },
            timeProvider,
            loggerFactory?.CreateLogger<SimulatedGridMeter>());
        var site = new SimulatedSite(options, meter);
        try
        {
            site.StartStations(timeProvider, loggerFactory?.CreateLogger<SimulatedKebaStation>());
        }
        catch
        {
            site.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }

        meter.SetHouseholdLoad(options.HouseholdLoad);
        site._timer = timeProvider.CreateTimer(_ => site.UpdateMeter(), null, options.MeterUpdatePeriod, options.MeterUpdatePeriod);
        return site;
    }

    /// <summary>The station listening on <paramref name="address"/>, or null.</summary>
    public SimulatedSiteStation? FindStation(IPAddress address) =>
        address is not null && _byAddress.TryGetValue(address, out var station) ? station : null;

    /// <summary>Sets the non-charging load the meter sees (amperes per phase; negative = export, e.g. PV).</summary>
    public void SetHouseholdLoad(PhaseCurrents currentA) => Meter.SetHouseholdLoad(currentA);

    /// <summary>What all stations draw together on each grid phase now.</summary>
    public PhaseCurrents ChargingLoad()
    {
        var sum = PhaseCurrents.Zero;
        foreach (var station in _stations)
        {
            sum += station.GridCurrents();
        }

        return sum;
    }

    /// <summary>Makes the meter's charging load follow the stations now (also runs on the timer).</summary>
    public void UpdateMeter()
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        // Computing and setting under one lock keeps an older sum from overwriting a newer one.
        lock (_meterSync)
        {
            Meter.SetChargingLoad(ChargingLoad());
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (_timer is not null)
        {
            await _timer.DisposeAsync();
        }

        foreach (var station in _stations)
        {
            await station.Station.DisposeAsync();
        }

        await Meter.DisposeAsync();
    }

    private void StartStations(TimeProvider timeProvider, ILogger<SimulatedKebaStation>? logger)
    {
        foreach (var setup in Options.Stations)
        {
            var profile = Options.NetworkClients ? setup.Profile with { NetworkClient = true } : setup.Profile;
            var station = SimulatedKebaStation.Start(setup.Address, profile, timeProvider, logger);
            station.Faults.DropBursts = Options.DropBursts;
            var entry = new SimulatedSiteStation(this, _stations.Count, setup, station);
            _stations.Add(entry);
            _byAddress.Add(setup.Address, entry);
        }
    }
}
