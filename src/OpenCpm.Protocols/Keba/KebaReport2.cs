namespace OpenCpm.Protocols.Keba;

/// <summary><c>report 2</c>: status and control, in wire units (mA, seconds, 0.1 Wh).</summary>
public sealed record KebaReport2 : KebaMessage
{
    /// <summary>0 starting, 1 not ready, 2 ready, 3 charging, 4 error, 5 interrupted.</summary>
    public required int State { get; init; }

    public int Error1 { get; init; }

    public int Error2 { get; init; }

    /// <summary>0, 1, 3, 5, 7: bit 0 cable at station, bit 1 locked, bit 2 vehicle.</summary>
    public required int Plug { get; init; }

    public int AuthOn { get; init; }

    public int AuthRequired { get; init; }

    public required int EnableSys { get; init; }

    public int EnableUser { get; init; }

    /// <summary>Current offered to the vehicle by the pilot.</summary>
    public required int MaxCurrentMilliA { get; init; }

    /// <summary>Pilot duty in 0.1 %; 1000 = no current offered.</summary>
    public int MaxCurrentPerMille { get; init; }

    public int HardwareCurrentMilliA { get; init; }

    public int UserCurrentMilliA { get; init; }

    public int FailsafeCurrentMilliA { get; init; }

    public int FailsafeTimeoutS { get; init; }

    public int TimerCurrentMilliA { get; init; }

    public int TimerRemainingS { get; init; }

    public long EnergyLimitTenthsWh { get; init; }

    public int Output { get; init; }

    public int Input { get; init; }

    /// <summary>Newer firmware only: who may switch phases (0 none … 4 UDP).</summary>
    public int? PhaseSwitchSource { get; init; }

    /// <summary>Newer firmware only: 0 = 1-phase, 1 = 3-phase.</summary>
    public int? PhaseSwitch { get; init; }

    public string Serial { get; init; } = "";

    public long UptimeS { get; init; }

    public bool VehiclePlugged => (Plug & 4) != 0;
}
