namespace OpenCpm.Data;

/// <summary>The moments a station with a display shows one of the controller's texts (manual 8.1.6, Display Text).</summary>
internal enum DisplayEvent
{
    /// <summary>A vehicle is plugged in and waits for a card.</summary>
    SwipeCard,

    /// <summary>Charging is authorized and waits for the vehicle's plug.</summary>
    PlugIn,

    CardAccepted,

    CardRefused,

    Charging,

    /// <summary>The vehicle waits in the load manager's queue for its turn.</summary>
    Queued,

    /// <summary>The controller gives the vehicle no current for now (site limit, held after a power failure…).</summary>
    Suspended,

    /// <summary>The station reports a fault.</summary>
    OutOfService,
}
