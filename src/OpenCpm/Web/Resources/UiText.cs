namespace OpenCpm.Web.Resources;

/// <summary>The web UI's texts in English (UiText.resx), German (.de) and French (.fr).</summary>
internal sealed class UiText;
