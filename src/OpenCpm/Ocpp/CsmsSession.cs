using OpenCpm.Protocols.Ocpp;

namespace OpenCpm.Ocpp;

/// <summary>
/// One open connection to the backend and where its registration stands: <see cref="Accepted"/> once a
/// BootNotification was accepted (on this connection or, for a mere reconnect, an earlier one); until then the
/// controller sends nothing but BootNotification and what TriggerMessage asks for.
/// </summary>
/// <param name="Connection">The OCPP-J connection.</param>
/// <param name="Accepted">The backend accepted the controller's registration.</param>
/// <param name="Booted">This connection began with an accepted BootNotification: every status is reported afresh.</param>
/// <param name="Number">Counts connections from 1.</param>
internal sealed record CsmsSession(OcppConnection Connection, bool Accepted, bool Booted, long Number);
