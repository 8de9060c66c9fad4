namespace OpenCpm.Data;

/// <summary>A user's web UI settings (one row per user who changed them).</summary>
internal sealed class UserPreferencesRow
{
    public int UserId { get; set; }

    public UserRow? User { get; set; }

    public string? Language { get; set; }

    public TimeFormat TimeFormat { get; set; }

    public string? TimeZone { get; set; }
}
