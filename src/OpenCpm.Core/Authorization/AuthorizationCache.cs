using System.Collections.Immutable;

namespace OpenCpm.Core.Authorization;

/// <summary>
/// The authorization cache of OCPP 1.6 (§3.5.2): the latest idTagInfo the backend gave for each idTag that is not in the
/// card list (Authorize, StartTransaction and StopTransaction answers). Immutable like <see cref="CardList"/>. An entry
/// whose expiry date has passed stays as a known-expired tag (OCPP: such tags must be refused offline); when the cache is
/// full, adding a tag first evicts the oldest entry that is no longer valid, else the oldest entry. The host persists
/// <see cref="Entries"/> and rebuilds the cache with <see cref="Restore"/>.
/// </summary>
public sealed class AuthorizationCache
{
    public const int DefaultCapacity = 1000;

    private readonly ImmutableDictionary<CardUid, AuthorizationCacheEntry> _entries;

    public AuthorizationCache(int capacity = DefaultCapacity)
        : this(capacity, ImmutableDictionary<CardUid, AuthorizationCacheEntry>.Empty)
    {
    }

    private AuthorizationCache(int capacity, ImmutableDictionary<CardUid, AuthorizationCacheEntry> entries)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        _entries = entries;
    }

    public static AuthorizationCache Empty { get; } = new();

    public int Capacity { get; }

    public int Count => _entries.Count;

    /// <summary>The entries, oldest first.</summary>
    public IReadOnlyList<AuthorizationCacheEntry> Entries => [.. _entries.Values.OrderBy(e => e.StoredAt).ThenBy(e => e.Uid.Value, StringComparer.Ordinal)];

    /// <summary>A cache holding <paramref name="entries"/> (for example read back from storage), the newest kept if there are too many.</summary>
    public static AuthorizationCache Restore(IEnumerable<AuthorizationCacheEntry> entries, int capacity = DefaultCapacity)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var newest = entries.OrderByDescending(e => e.StoredAt).DistinctBy(e => e.Uid).Take(capacity);
        return new AuthorizationCache(capacity, newest.ToImmutableDictionary(e => e.Uid));
    }

    public AuthorizationCacheEntry? Find(CardUid uid)
    {
        ArgumentNullException.ThrowIfNull(uid);
        return _entries.GetValueOrDefault(uid);
    }

    /// <summary>The cache with the backend's latest answer for <paramref name="uid"/>, stored at <paramref name="now"/>.</summary>
    public AuthorizationCache With(CardUid uid, IdTagInfo info, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(uid);
        ArgumentNullException.ThrowIfNull(info);
        var entries = _entries;
        if (!entries.ContainsKey(uid) && entries.Count >= Capacity)
        {
            var victim = Oldest(entries.Values.Where(e => !e.IsValidAt(now))) ?? Oldest(entries.Values)!;
            entries = entries.Remove(victim.Uid);
        }

        return new AuthorizationCache(Capacity, entries.SetItem(uid, new AuthorizationCacheEntry(uid, info, now)));
    }

    public AuthorizationCache Without(CardUid uid) => new(Capacity, _entries.Remove(uid));

    /// <summary>An empty cache of the same capacity (OCPP ClearCache).</summary>
    public AuthorizationCache Cleared() => new(Capacity);

    private static AuthorizationCacheEntry? Oldest(IEnumerable<AuthorizationCacheEntry> entries) =>
        entries.OrderBy(e => e.StoredAt).ThenBy(e => e.Uid.Value, StringComparer.Ordinal).FirstOrDefault();
}
