namespace OpenCpm.Data;

/// <summary>What the stations do when the controller starts again after a power failure (manual 8.1.6, Device).</summary>
internal enum PowerFailureBehaviour
{
    /// <summary>Charging goes on as before: every station gets current as soon as the controller runs.</summary>
    ResumeSessions,

    /// <summary>Every station stays stopped (0 A) until an operator enables it again.</summary>
    StayStopped,
}
