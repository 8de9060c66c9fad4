namespace OpenCpm.Data;

/// <summary>The operator's text for one <see cref="DisplayEvent"/>: null keeps the language's default; shown for <see cref="DurationSeconds"/>.</summary>
internal sealed record DisplayText(DisplayEvent Event, string? Text, int DurationSeconds);
