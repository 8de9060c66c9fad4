namespace OpenCpm.Core.Sessions;

/// <summary>What a <see cref="SessionFollower"/> asks its host to do next.</summary>
public enum SessionStepKind
{
    /// <summary>Nothing (until the next observation).</summary>
    None,

    /// <summary>Store a new active session that started now with <see cref="SessionStep.MeterWh"/>, then call <see cref="SessionFollower.Opened"/>.</summary>
    Open,

    /// <summary>Store <see cref="SessionStep.MeterWh"/> as the active session's latest reading, then call <see cref="SessionFollower.Stored"/>.</summary>
    RecordMeter,

    /// <summary>Store <see cref="SessionStep.IdTag"/> as the active session's card, then call <see cref="SessionFollower.Stored"/>.</summary>
    SetCard,

    /// <summary>
    /// End the active session at <see cref="SessionStep.At"/> with <see cref="SessionStep.MeterWh"/> and
    /// <see cref="SessionStep.Reason"/>, write <see cref="SessionStep.Message"/> to the event log, then call
    /// <see cref="SessionFollower.Closed"/>.
    /// </summary>
    Close,

    /// <summary>Read the station's log after <see cref="SessionStep.AfterStationSessionId"/>, then call <see cref="SessionFollower.LogRead"/>.</summary>
    ReadLog,

    /// <summary>Write <see cref="SessionStep.Message"/> to the event log, then call <see cref="SessionFollower.Next"/>.</summary>
    Note,

    /// <summary>The station became unreachable during a session (kept; reconciled when it answers): tell people, then call <see cref="SessionFollower.Next"/>.</summary>
    WentOffline,
}
