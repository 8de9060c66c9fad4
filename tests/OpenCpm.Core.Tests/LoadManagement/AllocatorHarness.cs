using Microsoft.Extensions.Time.Testing;
using OpenCpm.Core.ChargePoints;
using OpenCpm.Core.LoadManagement;

namespace OpenCpm.Core.Tests.LoadManagement;

/// <summary>Drives an <see cref="Allocator"/> on a fake clock; every planned setpoint is applied as if acknowledged.</summary>
internal sealed class AllocatorHarness
{
    public AllocatorHarness(SiteSettings settings, AllocatorOptions? options = null)
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));
        Allocator = new Allocator(settings, Time, options);
        Demands = [.. settings.ChargePoints.Select(_ => ChargePointDemand.Idle)];
        VehicleMaxA = new double[Demands.Length];
        Array.Fill(VehicleMaxA, double.PositiveInfinity);
    }

    /// <summary>The most each plugged-in vehicle takes (it draws min(setpoint, this) on its phases).</summary>
    public double[] VehicleMaxA { get; }

    public FakeTimeProvider Time { get; }

    public Allocator Allocator { get; }

    public ChargePointDemand[] Demands { get; }

    public SiteConditions Site { get; set; }

    public Allocation Last { get; private set; } = null!;

    public static ChargePointSettings ThreePhase(string id, double maxA = 32, PhaseRotation rotation = PhaseRotation.L1L2L3, string? cluster = null, double failsafeA = 0) =>
        new() { Id = id, MaxCurrentA = maxA, Rotation = rotation, Cluster = cluster, FailsafeCurrentA = failsafeA };

    public static ChargePointSettings SinglePhase(string id, Phase phase, double maxA = 32, string? cluster = null) =>
        new() { Id = id, Connection = PhaseConnection.SinglePhase, SinglePhase = phase, MaxCurrentA = maxA, Cluster = cluster };

    public static SiteSettings SiteOf(double maxA, params ChargePointSettings[] chargePoints) =>
        new() { MaxCurrentA = maxA, ChargePoints = chargePoints };

    /// <summary>A vehicle plugs in and is authorized.</summary>
    public void Plug(int cp, PhaseSet vehiclePhases = default) =>
        Demands[cp] = Demands[cp] with { State = ChargePointState.Connected, Authorized = true, VehiclePhases = vehiclePhases };

    public void Unplug(int cp)
    {
        Demands[cp] = ChargePointDemand.Idle;
        VehicleMaxA[cp] = double.PositiveInfinity;
    }

    /// <summary>Runs one cycle and applies its setpoints; charge points given current are then charging at their setpoint.</summary>
    public Allocation Run()
    {
        Last = Allocator.Allocate(Demands, Site);
        for (var i = 0; i < Demands.Length; i++)
        {
            var d = Demands[i];
            if (d.State == ChargePointState.Offline)
            {
                continue;
            }

            var setpoint = Last.SetpointA[i];
            Demands[i] = d with { CommandedSetpointA = setpoint };
            if (d.State is ChargePointState.Connected or ChargePointState.Charging or ChargePointState.SuspendedByController or ChargePointState.Queued)
            {
                Demands[i] = Demands[i] with { State = setpoint > 0 ? ChargePointState.Charging : ChargePointState.SuspendedByController };
            }

            SetMeasured(i, Math.Min(setpoint, VehicleMaxA[i]));
        }

        return Last;
    }

    /// <summary>The vehicle takes at most <paramref name="amps"/> from now on (measured at once).</summary>
    public void Draw(int cp, double amps)
    {
        VehicleMaxA[cp] = amps;
        SetMeasured(cp, Math.Min(Demands[cp].CommandedSetpointA, amps));
    }

    private void SetMeasured(int cp, double amps)
    {
        if (Demands[cp].State is ChargePointState.Idle or ChargePointState.Offline or ChargePointState.SuspendedByEv)
        {
            amps = 0;
        }

        var phases = Demands[cp].VehiclePhases.IsEmpty ? PhaseSet.AllThree : Demands[cp].VehiclePhases;
        Demands[cp] = Demands[cp] with
        {
            MeasuredCurrentA = new PhaseCurrents(
                phases.Contains(Phase.L1) ? amps : 0,
                phases.Contains(Phase.L2) ? amps : 0,
                phases.Contains(Phase.L3) ? amps : 0),
        };
    }

    public double Setpoint(int cp) => Last.SetpointA[cp];

    public string Reason(int cp) => Last.LimitedBy[cp].ToString();
}
