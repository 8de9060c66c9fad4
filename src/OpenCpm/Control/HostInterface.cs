namespace OpenCpm.Control;

/// <summary>A network interface of the machine the controller runs on, as the operating system sees it.</summary>
internal sealed record HostInterface(string Name, IReadOnlyList<string> Addresses);
