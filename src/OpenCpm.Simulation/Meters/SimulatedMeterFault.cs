namespace OpenCpm.Simulation.Meters;

/// <summary>Faults the simulated grid meter can be told to show.</summary>
public enum SimulatedMeterFault
{
    /// <summary>Answers normally.</summary>
    None,

    /// <summary>Reads requests but never answers (a hung meter).</summary>
    Silent,

    /// <summary>Answers every request with <see cref="SimulatedGridMeter.FaultExceptionCode"/>.</summary>
    ExceptionResponse,

    /// <summary>Closes the connection when a request arrives (dropped mid-request).</summary>
    DropConnection,

    /// <summary>Answers with bytes that are not a Modbus frame.</summary>
    Garbage,
}
