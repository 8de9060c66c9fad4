using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenCpm.Protocols.Modbus;

namespace OpenCpm.Cli;

/// <summary>`opencpm meter profiles` and `opencpm meter read` (shared/specs/interfaces.md).</summary>
internal static class MeterCommands
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create()
    {
        var meter = new Command("meter", "Grid meter tools: list the meter profiles, read one sample from a meter.");
        meter.Subcommands.Add(CreateProfiles());
        meter.Subcommands.Add(CreateRead());
        return meter;
    }

    private static Option<string?> DataDirOption() =>
        new("--data-dir") { Description = "Data folder whose meter-profiles subfolder holds installed profiles." };

    private static Command CreateProfiles()
    {
        var dataDir = DataDirOption();
        var command = new Command("profiles", "List the meter profiles (id, vendor, model, verified or unverified).");
        command.Options.Add(dataDir);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var catalog = MeterProfileCatalog.Load(parseResult.GetValue(dataDir));
            ReportProblems(parseResult, catalog);
            var rows = catalog.Profiles.Select(p => (p.Id, p.Vendor, p.Model, Status: p.Unverified ? "unverified" : "verified")).ToList();
            var idWidth = Math.Max(2, rows.Max(r => r.Id.Length));
            var vendorWidth = Math.Max(6, rows.Max(r => r.Vendor.Length));
            var modelWidth = Math.Max(5, rows.Max(r => r.Model.Length));
            output.WriteLine($"{"ID".PadRight(idWidth)}  {"VENDOR".PadRight(vendorWidth)}  {"MODEL".PadRight(modelWidth)}  STATUS");
            foreach (var (id, vendor, model, status) in rows)
            {
                output.WriteLine($"{id.PadRight(idWidth)}  {vendor.PadRight(vendorWidth)}  {model.PadRight(modelWidth)}  {status}");
            }

            return Task.FromResult(0);
        });
        return command;
    }

    private static Command CreateRead()
    {
        var profileOption = new Option<string?>("--profile") { Description = "Meter profile id (see `opencpm meter profiles`).", Required = true };
        var hostOption = new Option<string?>("--host") { Description = "Host name or IP address of the meter.", Required = true };
        var portOption = new Option<int?>("--port") { Description = "TCP port (default: the profile's, usually 502)." };
        var unitOption = new Option<int?>("--unit") { Description = "Modbus unit id (default: the profile's, else 1)." };
        var timeoutOption = new Option<double>("--timeout") { Description = "Seconds to wait for the connection and each answer.", DefaultValueFactory = _ => 3 };
        var dataDir = DataDirOption();
        var command = new Command("read", "Read one sample from a grid meter and print it as JSON.");
        foreach (var option in new Option[] { profileOption, hostOption, portOption, unitOption, timeoutOption, dataDir })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            var catalog = MeterProfileCatalog.Load(parseResult.GetValue(dataDir));
            ReportProblems(parseResult, catalog);
            var profileId = parseResult.GetValue(profileOption);
            var host = parseResult.GetValue(hostOption);
            var port = parseResult.GetValue(portOption);
            var unit = parseResult.GetValue(unitOption);
            var timeout = parseResult.GetValue(timeoutOption);
            var usage = profileId is null ? "Option '--profile' is required."
                : host is null ? "Option '--host' is required."
                : catalog.Find(profileId) is null ? $"Unknown meter profile '{profileId}'; `opencpm meter profiles` lists the known ones."
                : port is < 1 or > 65535 ? $"Option '--port' must be 1..65535 but was {port}."
                : unit is < 0 or > 255 ? $"Option '--unit' must be 0..255 but was {unit}."
                : timeout is <= 0 or > 60 ? string.Create(CultureInfo.InvariantCulture, $"Option '--timeout' must be more than 0 and at most 60 seconds but was {timeout}.")
                : null;
            if (usage is not null)
            {
                await error.WriteLineAsync(usage);
                return 2;
            }

            var profile = catalog.Find(profileId!)!;
            try
            {
                var values = await Meter.MeterProbe.ReadOnceAsync(
                    profile, host!, port ?? profile.DefaultPort, (byte)(unit ?? profile.DefaultUnitId ?? 1), TimeSpan.FromSeconds(timeout), null, cancellationToken);
                await parseResult.InvocationConfiguration.Output.WriteLineAsync(ToJson(profile, values).ToJsonString(Indented));
                return 0;
            }
            catch (ModbusException e)
            {
                await error.WriteLineAsync(e.Message);
                return 1;
            }
        });
        return command;
    }

    /// <summary>
    /// The reading in the JSON shape of interfaces.md (camelCase; null where the meter has no value), rounded for people
    /// like the API's values (<see cref="Api.Rounding"/>: 0.1 A, whole volts, watts and watt-hours).
    /// </summary>
    internal static JsonObject ToJson(MeterProfile profile, MeterValues values) => new()
    {
        ["profile"] = profile.Id,
        ["currentA"] = new JsonObject { ["l1"] = A(values.CurrentL1A), ["l2"] = A(values.CurrentL2A), ["l3"] = A(values.CurrentL3A) },
        ["voltageV"] = new JsonObject { ["l1"] = V(values.VoltageL1V), ["l2"] = V(values.VoltageL2V), ["l3"] = V(values.VoltageL3V) },
        ["powerW"] = new JsonObject { ["l1"] = W(values.PowerL1W), ["l2"] = W(values.PowerL2W), ["l3"] = W(values.PowerL3W), ["total"] = W(values.PowerTotalW) },
        ["energyImportWh"] = Wh(values.EnergyImportWh),
        ["energyExportWh"] = Wh(values.EnergyExportWh),
    };

    private static double? A(double? value) => Finite(value) is { } v ? Api.Rounding.Amperes(v) : null;

    private static double? V(double? value) => Finite(value) is { } v ? Api.Rounding.Volts(v) : null;

    private static double? W(double? value) => Finite(value) is { } v ? Api.Rounding.Watts(v) : null;

    private static double? Wh(double? value) => Finite(value) is { } v ? Api.Rounding.WattHours(v) : null;

    // A value that is not a number can't be written as JSON: it is shown as missing.
    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;

    private static void ReportProblems(ParseResult parseResult, MeterProfileCatalog catalog)
    {
        foreach (var problem in catalog.Problems)
        {
            parseResult.InvocationConfiguration.Error.WriteLine($"Warning: {problem}");
        }
    }
}
