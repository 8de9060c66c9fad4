namespace OpenCpm.Api;

/// <summary>The simulated grid meter of the demo: how it answers, and how many requests it has had.</summary>
internal sealed record SimMeterDto(string Fault, int Requests);
