namespace OpenCpm.Updates;

/// <summary>Where the last software update stands.</summary>
internal enum UpdateStage
{
    /// <summary>Installed and switched to; the new version has not reported healthy yet.</summary>
    Pending,

    /// <summary>The new version came up healthy and runs.</summary>
    Committed,

    /// <summary>The new version did not come up healthy in time (or did not start): the previous one runs again.</summary>
    RolledBack,
}
