using OpenCpm.Core.LoadManagement;

namespace OpenCpm.Web.Live;

/// <summary>
/// One moment of a node (the site or a cluster) for the live chart: the current its charge points draw per grid
/// phase, its configured limit, and for the site the household load (the meter minus the charging).
/// </summary>
internal sealed record NodeSample(DateTimeOffset At, PhaseCurrents ChargingA, double LimitA, PhaseCurrents? HouseholdA);
