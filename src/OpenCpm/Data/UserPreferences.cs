namespace OpenCpm.Data;

/// <summary>
/// A user's web UI settings (manual 8.2.1): the language (null = the browser's), the time format and the time zone
/// (null = the controller's own).
/// </summary>
internal sealed record UserPreferences(string? Language, TimeFormat TimeFormat, string? TimeZone)
{
    /// <summary>The languages of the web UI.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["en", "de", "fr"];

    public static UserPreferences Default { get; } = new(null, TimeFormat.TwentyFourHour, null);

    /// <summary>The time zone to show times in.</summary>
    public TimeZoneInfo Zone() =>
        TimeZone is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Local;

    /// <summary>What is wrong, one sentence each.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Language is { } language && !Languages.Contains(language))
        {
            errors.Add($"The language must be one of {string.Join(", ", Languages)} but is \"{language}\".");
        }

        if (!Enum.IsDefined(TimeFormat))
        {
            errors.Add(FormattableString.Invariant($"The time format {(int)TimeFormat} is unknown."));
        }

        if (TimeZone is { } id && !TimeZoneInfo.TryFindSystemTimeZoneById(id, out _))
        {
            errors.Add($"The time zone \"{id}\" is unknown on this controller.");
        }

        return errors;
    }
}
