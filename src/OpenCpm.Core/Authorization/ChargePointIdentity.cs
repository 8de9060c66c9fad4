namespace OpenCpm.Core.Authorization;

/// <summary>The charge point a card is presented at: its id in OpenCPM and, where known, the station's serial number.</summary>
public sealed record ChargePointIdentity(string Id, string? Serial = null)
{
    public override string ToString() => Serial is null ? Id : $"{Id} (serial {Serial})";
}
