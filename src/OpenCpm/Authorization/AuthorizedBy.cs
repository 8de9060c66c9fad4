namespace OpenCpm.Authorization;

/// <summary>What made a <see cref="ChargePointAuthorization"/>.</summary>
internal enum AuthorizedBy
{
    PlugIn,
    Card,
    Operator,
}
