namespace OpenCpm.Core.LoadManagement;

/// <summary>One setpoint to send: charge point (index into the site's charge points), from what, to what.</summary>
public readonly record struct SetpointChange(int ChargePoint, double FromA, double ToA)
{
    public bool IsReduction => ToA < FromA;
}
