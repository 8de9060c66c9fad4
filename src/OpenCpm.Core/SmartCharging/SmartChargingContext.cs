namespace OpenCpm.Core.SmartCharging;

/// <summary>
/// What evaluating profiles needs besides the profiles: the site's nominal voltage, the phases each connector's
/// station is wired to (to convert W; connector 0 and unknown connectors count three), and the transaction running
/// on each connector (for TxProfiles and Relative schedules).
/// </summary>
public sealed record SmartChargingContext
{
    public double NominalVoltageV { get; init; } = 230;

    public IReadOnlyDictionary<int, int> PhasesByConnector { get; init; } = new Dictionary<int, int>();

    public IReadOnlyDictionary<int, ChargingTransaction> Transactions { get; init; } = new Dictionary<int, ChargingTransaction>();

    public int PhasesOf(int connectorId) => connectorId > 0 && PhasesByConnector.TryGetValue(connectorId, out var phases) ? phases : 3;

    public ChargingTransaction? TransactionOn(int connectorId) => connectorId > 0 ? Transactions.GetValueOrDefault(connectorId) : null;
}
