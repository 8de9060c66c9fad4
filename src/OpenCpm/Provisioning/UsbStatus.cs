namespace OpenCpm.Provisioning;

/// <summary>The USB folder now: where it is, whether a stick is in, what the Device switches allow, and the latest actions (newest first).</summary>
internal sealed record UsbStatus(string Folder, bool StickPresent, bool AllowInit, bool AllowConfig, bool AllowUpdate, DateTimeOffset? LastScan, IReadOnlyList<UsbAction> Recent);
