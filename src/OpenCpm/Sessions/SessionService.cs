using OpenCpm.Core.Sessions;
using OpenCpm.Data;

namespace OpenCpm.Sessions;

/// <summary>
/// Charging sessions for people (the REST API and the web UI): filtered pages and the CSV export, active sessions with
/// the newest energy the <see cref="SessionRecorder"/> has seen (the store is written every 30 s).
/// </summary>
internal sealed class SessionService(SessionStore sessions, SessionRecorder recorder)
{
    public async Task<Page<ChargingSession>> QueryAsync(SessionQuery query, CancellationToken cancellationToken)
    {
        var page = await sessions.QueryAsync(query, cancellationToken);
        return page with { Items = [.. page.Items.Select(recorder.WithLiveEnergy)] };
    }

    public async Task<ChargingSession?> GetAsync(long id, CancellationToken cancellationToken) =>
        await sessions.GetAsync(id, cancellationToken) is { } session ? recorder.WithLiveEnergy(session) : null;

    /// <summary>The energy of all matching sessions (paging ignored), for the totals of the Charging Sessions page.</summary>
    public Task<double> TotalEnergyWhAsync(SessionQuery query, CancellationToken cancellationToken) => sessions.SumEnergyAsync(query, cancellationToken);

    /// <summary>The matching sessions (paging ignored) as the CSV file of the manual's export, oldest first.</summary>
    public async Task<string> ExportCsvAsync(SessionQuery query, CancellationToken cancellationToken) =>
        SessionCsv.Write((await sessions.ListAsync(query, cancellationToken)).Select(recorder.WithLiveEnergy));
}
