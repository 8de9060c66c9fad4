using OpenCpm.Data;

namespace OpenCpm.Api;

/// <summary>The display texts as saved, what each event shows (the operator's text or the language's), and notices of the last save.</summary>
internal sealed record DisplayTextsDto(bool Enabled, string Language, IReadOnlyList<DisplayText> Texts, IReadOnlyList<DisplayText> Shown, IReadOnlyList<string> Notices)
{
    public static DisplayTextsDto From(DisplaySettings settings, IReadOnlyList<string> notices) =>
        new(settings.Enabled, settings.Language, settings.Texts, [.. Enum.GetValues<DisplayEvent>().Select(settings.Resolve)], notices);
}
