namespace OpenCpm.Provisioning;

/// <summary>One thing the controller did with a file of the USB stick, and how it ended.</summary>
internal sealed record UsbAction(DateTimeOffset At, string File, string What, bool Succeeded);
