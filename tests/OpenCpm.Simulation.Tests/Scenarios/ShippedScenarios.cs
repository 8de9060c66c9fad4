using System.Collections.Concurrent;
using OpenCpm.Simulation.Scenarios;

namespace OpenCpm.Simulation.Tests.Scenarios;

/// <summary>The scenarios in scenarios/*.json, each run at most once per strategy and test run.</summary>
internal static class ShippedScenarios
{
    private static readonly ConcurrentDictionary<(string Name, string Strategy), Lazy<ScenarioReport>> Reports = new();

    public static IReadOnlyList<string> Names { get; } =
        [.. Directory.GetFiles(RepositoryFiles.ScenariosFolder, "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).OfType<string>()];

    public static Scenario Load(string name) =>
        ScenarioParser.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.ScenariosFolder, name + ".json")));

    public static ScenarioReport Report(string name, string strategy = "opencpm") =>
        Reports.GetOrAdd((name, strategy), key => new Lazy<ScenarioReport>(() => new ScenarioRunner(Load(key.Name), key.Strategy).Run())).Value;
}
