namespace OpenCpm.Maintenance;

/// <summary>The host log's level now, the level configured, and until when DEBUG lasts (null when it is off).</summary>
internal sealed record LogLevelStatus(string Level, string ConfiguredLevel, DateTimeOffset? DebugUntil);
