namespace OpenCpm.Data;

/// <summary>Which driver speaks to a charge point.</summary>
internal enum StationDriverKind
{
    Keba,
    Ocpp,
}
