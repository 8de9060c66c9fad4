using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace OpenCpm.Data;

/// <summary>Users' web UI settings in SQLite, kept in memory once read (every page request asks for the language).</summary>
internal sealed class UserPreferencesStore(IDbContextFactory<OpenCpmDbContext> dbFactory)
{
    private readonly ConcurrentDictionary<int, UserPreferences> _cache = new();

    public async Task<UserPreferences> GetAsync(int userId, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(userId, out var cached))
        {
            return cached;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.UserPreferences.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        var preferences = row is null ? UserPreferences.Default : new UserPreferences(row.Language, row.TimeFormat, row.TimeZone);
        return _cache.GetOrAdd(userId, preferences);
    }

    /// <summary>Saves valid preferences; returns the problems (nothing saved) or an empty list.</summary>
    public async Task<IReadOnlyList<string>> SaveAsync(int userId, UserPreferences preferences, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        if (preferences.Validate() is { Count: > 0 } errors)
        {
            return errors;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.UserPreferences.SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (row is null)
        {
            row = new UserPreferencesRow { UserId = userId };
            db.UserPreferences.Add(row);
        }

        row.Language = preferences.Language;
        row.TimeFormat = preferences.TimeFormat;
        row.TimeZone = preferences.TimeZone;
        await db.SaveChangesAsync(cancellationToken);
        _cache[userId] = preferences;
        return [];
    }
}
