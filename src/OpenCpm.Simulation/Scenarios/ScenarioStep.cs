using OpenCpm.Core.LoadManagement;

namespace OpenCpm.Simulation.Scenarios;

/// <summary>The site as it is during one step of a scenario run, for <see cref="ScenarioMetrics"/>.</summary>
/// <param name="T">Seconds from the start.</param>
/// <param name="Seconds">Length of the step.</param>
/// <param name="Household">The real household load.</param>
/// <param name="ChargingLimitA">A backend limit per phase for all charging (OCPP connector 0); infinity when none.</param>
/// <param name="KnownLimit">The site limit per phase the controller could know (with the meter headroom as last read).</param>
/// <param name="MeterLost">True while a configured meter is lost (the fallback power applies).</param>
internal readonly record struct ScenarioStep(
    double T,
    int Seconds,
    PhaseCurrents Household,
    double ChargingLimitA,
    PhaseCurrents KnownLimit,
    bool MeterLost);
