using OpenCpm.Data;

namespace OpenCpm.Display;

/// <summary>The saved display texts (null when refused), why they were refused, and what was changed in them (units taken out).</summary>
internal sealed record DisplayTextsOutcome(DisplaySettings? Settings, IReadOnlyList<string> Errors, IReadOnlyList<string> Notices);
