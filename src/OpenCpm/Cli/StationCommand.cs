using System.CommandLine;
using System.Net;
using OpenCpm.Simulation.Stations;
using OpenCpm.Simulation.Vehicles;

namespace OpenCpm.Cli;

/// <summary>
/// <c>opencpm station simulate --bind IP [--serial S] [--product P] [--port N] [--firmware V] [--x-series]
/// [--modbus-dip] [--interface-off] [--drop-bursts] [--transient-error] [--no-clock] [--vehicle]</c>: one simulated
/// KEBA P30 until Ctrl+C, behaving like the real stations of its firmware.
/// </summary>
internal static class StationCommand
{
    public static Command Create()
    {
        var station = new Command("station", "Standalone station tools.");
        station.Subcommands.Add(CreateSimulate());
        return station;
    }

    private static Command CreateSimulate()
    {
        var versions = KebaFirmwareProfile.Known.Select(f => f.Version).ToArray();
        var bind = new Option<string>("--bind") { Description = "IP address to listen on (e.g. 127.0.0.5).", Required = true };
        var serial = new Option<string>("--serial") { Description = "Serial number the station reports.", DefaultValueFactory = _ => "22054282" };
        var product = new Option<string?>("--product") { Description = "Product code the station reports (default: a c-series, or an x-series with --x-series)." };
        var port = new Option<int>("--port") { Description = "UDP port (a real P30 uses 7090).", DefaultValueFactory = _ => 7090 };
        var firmware = new Option<string>("--firmware")
        {
            Description = "Firmware to behave like: 3.9.10 (no DIP/setBoot/X2 keys, Curr HW 0 unplugged), 3.10.27 and 3.10.28 "
                + "(DIP keys, no setBoot, no X2), 3.10.57 (setBoot, X2 phase switching), 3.10.80 (as 3.10.57, but answers "
                + "only requests sent from port 7090, and only report 1 with --modbus-dip).",
            DefaultValueFactory = _ => KebaFirmwareProfile.Default.Version,
        };
        firmware.AcceptOnlyFromAmong(versions);
        firmware.HelpName = "version";
        var xSeries = new Option<bool>("--x-series") { Description = "An x-series (COM module): reports the mains voltage while a vehicle is plugged in." };
        var modbusDip = new Option<bool>("--modbus-dip") { Description = "Modbus TCP enabled on DIP switch 1.3: firmware 3.10.80 then answers only i and report 1 over UDP." };
        var interfaceOff = new Option<bool>("--interface-off") { Description = "DIP switch 1.3 off: only i and report 1 are answered." };
        var dropBursts = new Option<bool>("--drop-bursts") { Description = "Drop a command that arrives less than 100 ms after the previous one, as real stations do." };
        var transientError = new Option<bool>("--transient-error") { Description = "Show State 4 (Error1 6, Error2 32769, Max curr 0) in the first report 2 after a plug-in, gone by the next." };
        var noClock = new Option<bool>("--no-clock") { Description = "The clock was never set: timeQ 0 and session times as uptime (\"started\":\"191012000\") until a setdatetime." };
        var vehicle = new Option<bool>("--vehicle") { Description = "Plug a vehicle (3 phases, 16 A) in at start." };
        var command = new Command("simulate", "Run one simulated KEBA P30 station speaking the real UDP protocol on IP:7090 until Ctrl+C.")
        {
            bind, serial, product, port, firmware, xSeries, modbusDip, interfaceOff, dropBursts, transientError, noClock, vehicle,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var console = parseResult.InvocationConfiguration;
            var text = parseResult.GetValue(bind)!;
            if (!IPAddress.TryParse(text, out var address) || address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
            {
                await console.Error.WriteLineAsync($"--bind must be an IPv4 address, not '{text}'.");
                return 2;
            }

            var preset = parseResult.GetValue(xSeries) ? KebaStationProfile.XSeries(parseResult.GetValue(serial)!) : KebaStationProfile.CSeries(parseResult.GetValue(serial)!);
            var profile = preset with
            {
                Product = parseResult.GetValue(product) ?? preset.Product,
                Firmware = KebaFirmwareProfile.For(parseResult.GetValue(firmware)!),
                ClockSetAtBoot = !parseResult.GetValue(noClock),
            };
            SimulatedKebaStation simulated;
            try
            {
                simulated = SimulatedKebaStation.Start(address, profile, TimeProvider.System, port: parseResult.GetValue(port));
            }
            catch (System.Net.Sockets.SocketException ex)
            {
                await console.Error.WriteLineAsync($"Cannot listen on {address}:{parseResult.GetValue(port)}: {ex.Message}");
                return 1;
            }

            await using (simulated)
            {
                simulated.Faults.ModbusEnabled = parseResult.GetValue(modbusDip);
                simulated.Faults.InterfaceDisabled = parseResult.GetValue(interfaceOff);
                simulated.Faults.DropBursts = parseResult.GetValue(dropBursts);
                simulated.Faults.TransientErrorAtPlugIn = parseResult.GetValue(transientError);
                if (parseResult.GetValue(vehicle))
                {
                    simulated.PlugIn(new VehicleSpec());
                }

                await console.Output.WriteLineAsync(
                    $"Simulated KEBA P30 {profile.Product} (serial {profile.Serial}, firmware {profile.Firmware.Version}) listening on udp://{simulated.EndPoint}");
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                }
            }

            return 0;
        });
        return command;
    }
}
