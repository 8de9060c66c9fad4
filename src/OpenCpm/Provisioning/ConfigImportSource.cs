namespace OpenCpm.Provisioning;

/// <summary>Where a configuration file came from: the rules for its name apply to a USB stick's files only.</summary>
internal enum ConfigImportSource
{
    Api,
    CommandLine,
    Usb,
}
