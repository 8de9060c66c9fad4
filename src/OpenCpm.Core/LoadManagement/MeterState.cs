namespace OpenCpm.Core.LoadManagement;

/// <summary>Whether the controller has an external grid meter and can trust its reading.</summary>
public enum MeterState
{
    /// <summary>No external meter is configured: only the static limits apply.</summary>
    None,

    /// <summary>A fresh reading is available.</summary>
    Ok,

    /// <summary>The meter is configured but lost (no fresh reading): the fallback power applies.</summary>
    Lost,
}
