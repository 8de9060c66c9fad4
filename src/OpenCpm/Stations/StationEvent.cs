namespace OpenCpm.Stations;

/// <summary>Something a station reported that is not a change of its status: typed, whatever the protocol.</summary>
internal abstract record StationEvent(string ChargePointId, DateTimeOffset At);
