namespace OpenCpm.Provisioning;

/// <summary>An exported configuration file: its name (with the controller's serial unless generic) and its text.</summary>
internal sealed record ConfigFileExport(string FileName, string Text);
