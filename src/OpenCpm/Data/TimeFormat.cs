namespace OpenCpm.Data;

/// <summary>How the web UI shows times of day.</summary>
internal enum TimeFormat
{
    /// <summary>14:05:09</summary>
    TwentyFourHour,

    /// <summary>2:05:09 PM</summary>
    TwelveHour,
}
