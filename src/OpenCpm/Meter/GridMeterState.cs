namespace OpenCpm.Meter;

/// <summary>Connection state of the external grid meter, as shown in status and used by the allocator.</summary>
public enum GridMeterState
{
    /// <summary>No meter configured (Modbus TCP is off by default, manual 9.4.3).</summary>
    NotConfigured,

    /// <summary>Configured; no reading yet.</summary>
    Connecting,

    /// <summary>The latest reading is fresh.</summary>
    Connected,

    /// <summary>Reads fail; the latest reading is older than the stale limit but the meter is not yet given up.</summary>
    Stale,

    /// <summary>No reading for longer than the loss limit: the allocator uses the fallback power.</summary>
    Lost,
}
