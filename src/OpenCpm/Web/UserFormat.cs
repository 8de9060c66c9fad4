using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using OpenCpm.Data;

namespace OpenCpm.Web;

/// <summary>
/// How one signed-in user sees times (their time zone and 12/24-hour format), for the pages of one browser
/// connection. The layout loads it before any page renders.
/// </summary>
internal sealed class UserFormat(UserPreferencesStore store, AuthenticationStateProvider authentication)
{
    private TimeZoneInfo _zone = TimeZoneInfo.Local;

    public UserPreferences Preferences { get; private set; } = UserPreferences.Default;

    public int? UserId { get; private set; }

    public string UserName { get; private set; } = "";

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        UserName = user.Identity?.Name ?? "";
        if (int.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), CultureInfo.InvariantCulture, out var id))
        {
            UserId = id;
            Use(await store.GetAsync(id, cancellationToken));
        }
    }

    public void Use(UserPreferences preferences)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        Preferences = preferences;
        _zone = preferences.Zone();
    }

    public DateTimeOffset ToLocal(DateTimeOffset time) => TimeZoneInfo.ConvertTime(time, _zone);

    /// <summary>The moment a day starts in the user's time zone.</summary>
    public DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, _zone.GetUtcOffset(local));
    }

    /// <summary>Today in the user's time zone.</summary>
    public DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(ToLocal(time.GetUtcNow()).DateTime);

    /// <summary>Date and time of day, e.g. 2026-11-24 14:05:09 or 2026-11-24 2:05:09 PM; empty for null.</summary>
    public string DateTime(DateTimeOffset? time) =>
        time is { } t ? ToLocal(t).ToString("yyyy-MM-dd " + ClockPattern, CultureInfo.InvariantCulture) : "";

    /// <summary>The time of day only.</summary>
    public string Clock(DateTimeOffset time) => ToLocal(time).ToString(ClockPattern, CultureInfo.InvariantCulture);

    private string ClockPattern => Preferences.TimeFormat == TimeFormat.TwelveHour ? "h:mm:ss tt" : "HH:mm:ss";
}
