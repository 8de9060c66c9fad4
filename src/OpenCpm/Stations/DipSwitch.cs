namespace OpenCpm.Stations;

/// <summary>One DIP switch of a station as its board names it (e.g. DSW1.3), whether it is on, and what it does (null when unknown).</summary>
public sealed record DipSwitch(string Name, bool On, string? Meaning);
