namespace OpenCpm.Api;

/// <summary>Log messages of the demo's simulated site and its /api/v1/sim (event ids 6000–6099).</summary>
internal static partial class SimLog
{
    [LoggerMessage(6000, LogLevel.Information, "Demo settings written: {Stations} simulated charge point(s), {Clusters} cluster(s), site limit {LimitA} A")]
    public static partial void Seeded(ILogger logger, int stations, int clusters, double limitA);

    [LoggerMessage(6001, LogLevel.Information, "Simulated vehicle plugged into {ChargePoint}: {Phases} phase(s), {MaxCurrentA} A, {BatteryWh} Wh, SoC {InitialSoc} → {TargetSoc}")]
    public static partial void Plugged(ILogger logger, string chargePoint, int phases, double maxCurrentA, double batteryWh, double initialSoc, double targetSoc);

    [LoggerMessage(6002, LogLevel.Information, "Simulated vehicle unplugged from {ChargePoint}")]
    public static partial void Unplugged(ILogger logger, string chargePoint);

    [LoggerMessage(6003, LogLevel.Information, "Simulated card held to the reader of {ChargePoint}")]
    public static partial void Swiped(ILogger logger, string chargePoint);

    [LoggerMessage(6004, LogLevel.Information, "Simulated household load set to {Load}")]
    public static partial void HouseholdSet(ILogger logger, string load);

    [LoggerMessage(6005, LogLevel.Warning, "The data folder already holds a charging network, so --clusters {Clusters} is not applied; start with a new data folder (leave out --data-dir) to get it")]
    public static partial void ClustersNotApplied(ILogger logger, int clusters);

    [LoggerMessage(6006, LogLevel.Information, "Simulated grid meter fault set to {Fault}")]
    public static partial void MeterFaultSet(ILogger logger, string fault);
}
