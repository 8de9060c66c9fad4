using System.CommandLine;
using System.Net;
using OpenCpm.Simulation.Stations;

namespace OpenCpm.Cli;

/// <summary><c>opencpm station simulate --bind IP [--serial S] [--product P] [--port N]</c>: one simulated KEBA P30 until Ctrl+C.</summary>
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
        var bind = new Option<string>("--bind") { Description = "IP address to listen on (e.g. 127.0.0.5).", Required = true };
        var serial = new Option<string>("--serial") { Description = "Serial number the station reports.", DefaultValueFactory = _ => "22054282" };
        var product = new Option<string>("--product") { Description = "Product code the station reports.", DefaultValueFactory = _ => "KC-P30-EC240422-E0R" };
        var port = new Option<int>("--port") { Description = "UDP port (a real P30 uses 7090).", DefaultValueFactory = _ => 7090 };
        var command = new Command("simulate", "Run one simulated KEBA P30 station speaking the real UDP protocol on IP:7090 until Ctrl+C.");
        command.Options.Add(bind);
        command.Options.Add(serial);
        command.Options.Add(product);
        command.Options.Add(port);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var text = parseResult.GetValue(bind)!;
            if (!IPAddress.TryParse(text, out var address) || address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
            {
                await Console.Error.WriteLineAsync($"--bind must be an IPv4 address, not '{text}'.");
                return 2;
            }

            var profile = KebaStationProfile.CSeries(parseResult.GetValue(serial)!) with { Product = parseResult.GetValue(product)! };
            SimulatedKebaStation simulated;
            try
            {
                simulated = SimulatedKebaStation.Start(address, profile, TimeProvider.System, port: parseResult.GetValue(port));
            }
            catch (System.Net.Sockets.SocketException ex)
            {
                await Console.Error.WriteLineAsync($"Cannot listen on {address}:{parseResult.GetValue(port)}: {ex.Message}");
                return 1;
            }

            await using (simulated)
            {
                Console.WriteLine($"Simulated KEBA P30 {profile.Product} (serial {profile.Serial}) listening on udp://{simulated.EndPoint}");
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
