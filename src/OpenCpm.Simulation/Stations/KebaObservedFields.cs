namespace OpenCpm.Simulation.Stations;

/// <summary>The fields a P30 pushes when they change (guide p.35), as last seen.</summary>
internal readonly record struct KebaObservedFields(int State, int Plug, int EnableSys, int MaxCurrentMilliA, int Input, long SessionEnergyTenthsWh)
{
    /// <summary>E pres is pushed in steps of about 10 Wh (100 × 0.1 Wh).</summary>
    public long EnergyStep => SessionEnergyTenthsWh / 100;
}
