namespace OpenCpm.Provisioning;

/// <summary>
/// Host settings of the USB folder (section <c>Usb</c>): the folder a USB stick is mounted on (a real box points it at
/// its udev mount point, e.g. /media/usb0; default: the data folder's <c>usb</c>), how long files must stay unchanged
/// before they are read (a stick being copied to), and how often the folder is looked at besides file events.
/// </summary>
internal sealed record UsbOptions
{
    public const string Section = "Usb";
    public const string DefaultFolderName = "usb";

    public string? Folder { get; init; }

    public double SettleSeconds { get; init; } = 2;

    public double RescanSeconds { get; init; } = 5;
}
