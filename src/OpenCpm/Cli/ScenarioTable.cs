using System.Globalization;
using System.Text;
using OpenCpm.Simulation.Scenarios;

namespace OpenCpm.Cli;

/// <summary>
/// The metrics of <c>opencpm simulate</c> as a table for people: each metric with its unit, the strategy's value and
/// the equal-share baseline's side by side, and one line on what it means (docs/load-management-metrics.md).
/// </summary>
internal static class ScenarioTable
{
    private sealed record Row(string Name, string Unit, Func<ScenarioReport, double> Value, string Format, string Meaning);

    private static readonly Row[] Rows =
    [
        new("commandedOverloadAs", "A·s", r => r.CommandedOverloadAs, "0.0", "setpoints above the limits the controller knew (must be 0)"),
        new("physicalOverloadAs", "A·s", r => r.PhysicalOverloadAs, "0.0", "real current above the fuses (vehicles' reaction, meter lag)"),
        new("maxPhysicalOverloadA", "A", r => r.MaxPhysicalOverloadA, "0.0", "the largest real excess over a fuse"),
        new("unreachableReservedOverloadAs", "A·s", r => r.UnreachableReservedOverloadAs, "0.0", "currents reserved for unreachable stations alone above a limit"),
        new("commandedUnbalanceAs", "A·s", r => r.CommandedUnbalanceAs, "0.0", "setpoints' phase spread above the unbalanced-load limit (must be 0)"),
        new("physicalUnbalanceAs", "A·s", r => r.PhysicalUnbalanceAs, "0.0", "the vehicles' real phase spread above that limit"),
        new("safetyCorrections", "", r => r.SafetyCorrections, "0", "repairs by the allocator's final check (must be 0)"),
        new("demandEnergyWh", "kWh", r => r.DemandEnergyWh / 1000, "0.0", "what the vehicles would take with no grid limit"),
        new("availableEnergyWh", "kWh", r => r.AvailableEnergyWh / 1000, "0.0", "the most any controller could deliver within the real limits"),
        new("deliveredEnergyWh", "kWh", r => r.DeliveredEnergyWh / 1000, "0.0", "what the vehicles got"),
        new("utilization", "", r => r.Utilization, "0.000", "delivered ÷ min(demand, available); 1 is best"),
        new("jainFairness", "", r => r.JainFairness, "0.000", "Jain's index against the ideal max-min share; 1 is fair"),
        new("jainDemandFairness", "", r => r.JainDemandFairness, "0.000", "Jain's index of delivered ÷ asked for"),
        new("maxWaitSeconds", "s", r => r.MaxWaitSeconds, "0", "the longest time a vehicle wanting charge got none"),
        new("unservedVehicles", "", r => r.UnservedVehicles, "0", "vehicles that got nothing at all"),
        new("setpointCommands", "", r => r.SetpointCommands, "0", "setpoint commands sent to the stations"),
        new("setpointChangesPerVehicleHour", "1/h", r => r.SetpointChangesPerVehicleHour, "0.0", "commands per hour a vehicle was plugged in (target at most 30)"),
        new("meanAllocationMicros", "µs", r => r.MeanAllocationMicros, "0.0", "mean time of one allocation (of allocationsComputed)"),
    ];

    /// <summary>The table of <paramref name="report"/>, with <paramref name="baseline"/> in a second column when given.</summary>
    public static string Format(ScenarioReport report, ScenarioReport? baseline)
    {
        ArgumentNullException.ThrowIfNull(report);
        var columns = baseline is null ? [report] : new[] { report, baseline };
        var labels = Rows.Select(r => r.Unit.Length == 0 ? r.Name : $"{r.Name} [{r.Unit}]").ToArray();
        var values = Rows.Select(r => columns.Select(c => r.Value(c).ToString(r.Format, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        var labelWidth = labels.Max(l => l.Length);
        var widths = columns.Select((c, k) => Math.Max(c.Strategy.Length, values.Max(v => v[k].Length))).ToArray();

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Scenario {report.Scenario}");
        text.AppendLine(baseline is null ? $", strategy {report.Strategy}" : $": {report.Strategy} beside the {baseline.Strategy} baseline (the manual's plain rule)");
        text.AppendLine();
        text.Append("metric".PadRight(labelWidth));
        for (var k = 0; k < columns.Length; k++)
        {
            text.Append("  ").Append(columns[k].Strategy.PadLeft(widths[k]));
        }

        text.AppendLine("  what it means");
        for (var i = 0; i < Rows.Length; i++)
        {
            text.Append(labels[i].PadRight(labelWidth));
            for (var k = 0; k < columns.Length; k++)
            {
                text.Append("  ").Append(values[i][k].PadLeft(widths[k]));
            }

            text.Append("  ").AppendLine(Rows[i].Meaning);
        }

        text.AppendLine();
        text.AppendLine("Definitions: docs/load-management-metrics.md. The same figures as JSON: --json, or --output FILE.");
        return text.ToString();
    }
}
