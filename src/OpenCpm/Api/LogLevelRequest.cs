namespace OpenCpm.Api;

/// <summary>Minutes of DEBUG logging from now (0 = end it now).</summary>
internal sealed record LogLevelRequest(double DebugMinutes);
