namespace OpenCpm.Ocpp;

/// <summary>What the OCPP side knows about a connector besides its station's status (input of <see cref="ConnectorStatusMapping"/>).</summary>
/// <param name="InTransaction">A transaction runs there.</param>
/// <param name="SuspendedByInvalidId">Its transaction's idTag was refused by the backend and only the energy was stopped.</param>
/// <param name="Finished">Its transaction ended and the vehicle is still plugged in.</param>
/// <param name="OutOfService">Taken out of service (ChangeAvailability Inoperative).</param>
/// <param name="AwaitingVehicle">A remote (or operator) start waits for a vehicle to be plugged in.</param>
/// <param name="Reserved">The backend reserved it (ReserveNow) and the reservation still holds.</param>
/// <param name="WithinGrace">The controller started so recently that a station not heard yet is not reported.</param>
internal sealed record ConnectorView(bool InTransaction, bool SuspendedByInvalidId, bool Finished, bool OutOfService, bool AwaitingVehicle, bool WithinGrace, bool Reserved = false);
