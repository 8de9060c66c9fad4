namespace OpenCpm.Protocols.Modbus;

public enum MeterProfileProtocol
{
    /// <summary>A vendor register map ("register-map").</summary>
    RegisterMap,

    /// <summary>SunSpec discovery and meter models 201–204 / 211–214 ("sunspec").</summary>
    SunSpec,
}
