namespace OpenCpm.Stations;

/// <summary>One voltage per station phase, in volts.</summary>
public readonly record struct PhaseVoltages(double L1V, double L2V, double L3V);
