namespace OpenCpm.Stations;

/// <summary>A card was held to the station's reader (or recorded for its running session); <paramref name="IdTag"/> as the station reports it.</summary>
internal sealed record CardPresented(string ChargePointId, DateTimeOffset At, string IdTag) : StationEvent(ChargePointId, At);
