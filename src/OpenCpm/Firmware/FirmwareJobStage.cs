namespace OpenCpm.Firmware;

/// <summary>Where a firmware update stands across restarts.</summary>
internal enum FirmwareJobStage
{
    /// <summary>Waiting for its retrieve time, downloading, or checking: after a restart it starts over.</summary>
    Scheduled,

    /// <summary>Handed to the installer: the next start of the controller tells the backend Installed or InstallationFailed.</summary>
    Installing,
}
