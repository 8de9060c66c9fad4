using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using OpenCpm.Core.LoadManagement;

namespace OpenCpm.Simulation.Scenarios;

/// <summary>
/// Reads a scenario strictly: unknown fields, missing required fields, wrong types, comments and out-of-range
/// values are errors whose message names the field as a JSON path (e.g. <c>$.vehicles[2].phases</c>).
/// </summary>
public static class ScenarioParser
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
        NumberHandling = JsonNumberHandling.Strict,
    };

    public static readonly IReadOnlyList<string> EventTypes = ["meterOffline", "chargePointOffline", "siteLimit", "chargePointLimit"];

    public static Scenario Parse(string json)
    {
        Scenario? scenario;
        try
        {
            scenario = JsonSerializer.Deserialize<Scenario>(json, Options);
        }
        catch (JsonException e)
        {
            throw new ScenarioException(ScenarioJsonErrors.Describe(e));
        }

        if (scenario is null)
        {
            throw new ScenarioException("$: the scenario must be a JSON object, not null.");
        }

        Validate(scenario);
        return scenario;
    }

    /// <summary>The site settings the controller would be configured with for this scenario.</summary>
    public static SiteSettings ToSiteSettings(Scenario s) => new()
    {
        MaxCurrentA = s.Site.MaxCurrentA,
        MaxPowerW = s.Site.MaxPowerW,
        NominalVoltageV = s.Site.NominalVoltageV,
        MinChargingCurrentA = s.Site.MinChargingCurrentA,
        UnbalancedLoadLimitA = s.Site.UnbalancedLoadLimitA,
        RotationPeriod = TimeSpan.FromMinutes(s.Site.RotationMinutes),
        ClustersEnabled = s.Clusters.Count > 0,
        MeterFallbackPowerW = s.Site.Meter?.FallbackPowerW,
        Clusters = [.. s.Clusters.Select(c => new ClusterSettings
        {
            Id = c.Id,
            MaxCurrentA = c.MaxCurrentA,
            MinChargingCurrentA = c.MinChargingCurrentA,
            Phases = c.Phases is null ? PhaseSet.AllThree : c.Phases.Aggregate(PhaseSet.None, (set, p) => set.Union(PhaseSet.Of(Enum.Parse<Phase>(p)))),
        })],
        ChargePoints = [.. s.ChargePoints.Select(cp => new ChargePointSettings
        {
            Id = cp.Id,
            Cluster = cp.Cluster,
            Connection = cp.Connection == "singlePhase" ? PhaseConnection.SinglePhase : PhaseConnection.ThreePhase,
            Rotation = Enum.Parse<PhaseRotation>(cp.Rotation),
            SinglePhase = Enum.Parse<Phase>(cp.Phase),
            MaxCurrentA = cp.MaxCurrentA,
            FailsafeCurrentA = cp.FailsafeCurrentA,
            UnbalancedLoadLimitA = cp.UnbalancedLoadLimitA,
        })],
    };

    private static void Validate(Scenario s)
    {
        Require(s.Name.Length > 0, "$.name", "must not be empty");
        Require(s.DurationSeconds > 0, "$.durationSeconds", $"must be more than 0 but is {s.DurationSeconds}");
        Require(s.StepSeconds is > 0 and <= 60, "$.stepSeconds", $"must be between 1 and 60 but is {s.StepSeconds}");
        Require(s.Site.MaxCurrentA > 0, "$.site.maxCurrentA", $"must be more than 0 but is {N(s.Site.MaxCurrentA)}");
        Require(s.Site.RotationMinutes > 0, "$.site.rotationMinutes", $"must be more than 0 but is {N(s.Site.RotationMinutes)}");
        if (s.Site.Meter is { } meter)
        {
            Require(meter.PollSeconds > 0, "$.site.meter.pollSeconds", $"must be more than 0 but is {N(meter.PollSeconds)}");
        }

        Require(s.ChargePoints.Count > 0, "$.chargePoints", "must list at least one charge point");
        var clusterIds = new HashSet<string>(StringComparer.Ordinal);
        for (var k = 0; k < s.Clusters.Count; k++)
        {
            var c = s.Clusters[k];
            Require(clusterIds.Add(c.Id), $"$.clusters[{k}].id", $"\"{c.Id}\" is used twice");
            Require(c.MaxCurrentA <= s.Site.MaxCurrentA, $"$.clusters[{k}].maxCurrentA", $"must not be above the site's maxCurrentA ({N(s.Site.MaxCurrentA)}) but is {N(c.MaxCurrentA)}");
            foreach (var p in c.Phases ?? [])
            {
                Require(p is "L1" or "L2" or "L3", $"$.clusters[{k}].phases", $"must list L1, L2 or L3 but has \"{p}\"");
            }
        }

        var cpIds = new HashSet<string>(StringComparer.Ordinal);
        for (var k = 0; k < s.ChargePoints.Count; k++)
        {
            var cp = s.ChargePoints[k];
            var at = $"$.chargePoints[{k}]";
            Require(cpIds.Add(cp.Id), $"{at}.id", $"\"{cp.Id}\" is used twice");
            Require(cp.Cluster is null || clusterIds.Contains(cp.Cluster), $"{at}.cluster", $"no cluster has the id \"{cp.Cluster}\"");
            Require(cp.Connection is "threePhase" or "singlePhase", $"{at}.connection", $"must be \"threePhase\" or \"singlePhase\" but is \"{cp.Connection}\"");
            Require(Enum.TryParse<PhaseRotation>(cp.Rotation, out _) && cp.Rotation.Length == 6, $"{at}.rotation", $"must be L1L2L3, L2L3L1 or L3L1L2 but is \"{cp.Rotation}\"");
            Require(cp.Phase is "L1" or "L2" or "L3", $"{at}.phase", $"must be L1, L2 or L3 but is \"{cp.Phase}\"");
            Require(cp.FailsafeTimeoutSeconds > 0, $"{at}.failsafeTimeoutSeconds", $"must be more than 0 but is {N(cp.FailsafeTimeoutSeconds)}");
        }

        for (var k = 0; k < s.HouseholdLoad.Count; k++)
        {
            Require(s.HouseholdLoad[k].T >= 0 && (k == 0 || s.HouseholdLoad[k].T > s.HouseholdLoad[k - 1].T), $"$.householdLoad[{k}].t", "must be 0 or more and later than the point before");
        }

        for (var k = 0; k < s.Vehicles.Count; k++)
        {
            ValidateVehicle(s.Vehicles[k], $"$.vehicles[{k}]", cpIds);
        }

        for (var k = 0; k < s.Events.Count; k++)
        {
            ValidateEvent(s.Events[k], $"$.events[{k}]", cpIds);
        }

        var problems = SiteSettingsValidator.Validate(ToSiteSettings(s));
        if (!problems.IsValid)
        {
            throw new ScenarioException($"$.site: {problems.Errors[0]}");
        }
    }

    private static void ValidateVehicle(ScenarioVehicle v, string at, HashSet<string> chargePoints)
    {
        Require(chargePoints.Contains(v.ChargePoint), $"{at}.chargePoint", $"no charge point has the id \"{v.ChargePoint}\"");
        Require(v.Arrive >= 0, $"{at}.arrive", $"must be 0 or more but is {N(v.Arrive)}");
        Require(v.Depart > v.Arrive, $"{at}.depart", $"must be after arrive ({N(v.Arrive)}) but is {N(v.Depart)}");
        Require(v.Phases is >= 1 and <= 3, $"{at}.phases", $"must be 1, 2 or 3 but is {v.Phases}");
        Require(v.MaxCurrentA > 0, $"{at}.maxCurrentA", $"must be more than 0 but is {N(v.MaxCurrentA)}");
        Require(v.MinCurrentA >= 0 && v.MinCurrentA <= v.MaxCurrentA, $"{at}.minCurrentA", $"must be between 0 and maxCurrentA but is {N(v.MinCurrentA)}");
        Require(v.BatteryWh > 0, $"{at}.batteryWh", $"must be more than 0 but is {N(v.BatteryWh)}");
        Require(v.InitialSoc is >= 0 and <= 1, $"{at}.initialSoc", $"must be between 0 and 1 but is {N(v.InitialSoc)}");
        Require(v.TargetSoc is >= 0 and <= 1, $"{at}.targetSoc", $"must be between 0 and 1 but is {N(v.TargetSoc)}");
        Require(v.TaperFromSoc is >= 0 and <= 1, $"{at}.taperFromSoc", $"must be between 0 and 1 but is {N(v.TaperFromSoc)}");
        Require(v.ReactionSeconds is >= 0 and <= 5, $"{at}.reactionSeconds", $"must be between 0 and 5 but is {N(v.ReactionSeconds)}");
    }

    private static void ValidateEvent(ScenarioEvent e, string at, HashSet<string> chargePoints)
    {
        Require(EventTypes.Contains(e.Type), $"{at}.type", $"must be one of {string.Join(", ", EventTypes)} but is \"{e.Type}\"");
        Require(e.T >= 0, $"{at}.t", $"must be 0 or more but is {N(e.T)}");
        switch (e.Type)
        {
            case "meterOffline":
                Require(e.DurationSeconds > 0, $"{at}.durationSeconds", "is required and must be more than 0");
                break;
            case "chargePointOffline":
                Require(e.DurationSeconds > 0, $"{at}.durationSeconds", "is required and must be more than 0");
                Require(e.ChargePoint is not null && chargePoints.Contains(e.ChargePoint), $"{at}.chargePoint", $"no charge point has the id \"{e.ChargePoint}\"");
                break;
            case "siteLimit":
                Require(e.MaxCurrentA >= 0, $"{at}.maxCurrentA", "is required and must be 0 or more");
                break;
            case "chargePointLimit":
                Require(e.MaxCurrentA >= 0, $"{at}.maxCurrentA", "is required and must be 0 or more");
                Require(e.ChargePoint is not null && chargePoints.Contains(e.ChargePoint), $"{at}.chargePoint", $"no charge point has the id \"{e.ChargePoint}\"");
                break;
        }
    }

    private static void Require(bool condition, string path, string problem)
    {
        if (!condition)
        {
            throw new ScenarioException($"{path}: {problem}.");
        }
    }

    private static string N(double value) => value.ToString(CultureInfo.InvariantCulture);
}
