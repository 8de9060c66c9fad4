namespace OpenCpm.Api;

/// <summary>A network interface of the controller and its addresses.</summary>
internal sealed record NetworkInterfaceDto(string Name, IReadOnlyList<string> Addresses);
