using OpenCpm.Core.Authorization;

namespace OpenCpm.Core.Tests.Authorization;

public sealed class AuthorizationCacheTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 14, 12, 0, 0, TimeSpan.Zero);

    private static CardUid Uid(string text) => CardUid.Parse(text);

    [Fact]
    public void Keeps_the_latest_answer_per_idTag()
    {
        var cache = AuthorizationCache.Empty
            .With(Uid("01"), new IdTagInfo(IdTagStatus.Accepted), T0)
            .With(Uid("01"), new IdTagInfo(IdTagStatus.Blocked), T0.AddMinutes(1));

        var entry = Assert.Single(cache.Entries);
        Assert.Equal(IdTagStatus.Blocked, entry.Info.Status);
        Assert.Equal(T0.AddMinutes(1), entry.StoredAt);
        Assert.Same(entry, cache.Find(Uid("01")));
    }

    [Fact]
    public void An_entry_is_valid_until_the_instant_of_its_expiry_date()
    {
        var entry = new AuthorizationCacheEntry(Uid("01"), new IdTagInfo(IdTagStatus.Accepted, T0), T0.AddDays(-1));
        Assert.True(entry.IsValidAt(T0.AddTicks(-1)));
        Assert.False(entry.IsValidAt(T0));
        Assert.True(entry.HasExpiredAt(T0));
        Assert.True(new AuthorizationCacheEntry(Uid("01"), new IdTagInfo(IdTagStatus.Accepted), T0).IsValidAt(T0.AddYears(10)));
        Assert.False(new AuthorizationCacheEntry(Uid("01"), new IdTagInfo(IdTagStatus.Blocked), T0).IsValidAt(T0));
    }

    [Fact]
    public void When_full_evicts_the_oldest_entry_that_is_no_longer_valid_first()
    {
        var cache = new AuthorizationCache(capacity: 3)
            .With(Uid("01"), new IdTagInfo(IdTagStatus.Accepted), T0)
            .With(Uid("02"), new IdTagInfo(IdTagStatus.Blocked), T0.AddMinutes(1))
            .With(Uid("03"), new IdTagInfo(IdTagStatus.Accepted, T0.AddMinutes(5)), T0.AddMinutes(2))
            .With(Uid("04"), new IdTagInfo(IdTagStatus.Accepted), T0.AddMinutes(10));

        Assert.Equal(["01", "03", "04"], cache.Entries.Select(e => e.Uid.Value));

        cache = cache.With(Uid("05"), new IdTagInfo(IdTagStatus.Accepted), T0.AddMinutes(11));
        Assert.Equal(["01", "04", "05"], cache.Entries.Select(e => e.Uid.Value));

        cache = cache.With(Uid("06"), new IdTagInfo(IdTagStatus.Accepted), T0.AddMinutes(12));
        Assert.Equal(["04", "05", "06"], cache.Entries.Select(e => e.Uid.Value));
    }

    [Fact]
    public void Is_immutable_and_restores_from_stored_entries()
    {
        var empty = new AuthorizationCache(capacity: 2);
        var one = empty.With(Uid("01"), new IdTagInfo(IdTagStatus.Accepted), T0);
        Assert.Equal(0, empty.Count);

        var restored = AuthorizationCache.Restore(
        [
            new(Uid("01"), new IdTagInfo(IdTagStatus.Accepted), T0),
            new(Uid("02"), new IdTagInfo(IdTagStatus.Accepted), T0.AddMinutes(2)),
            new(Uid("03"), new IdTagInfo(IdTagStatus.Accepted), T0.AddMinutes(1)),
        ], capacity: 2);
        Assert.Equal(["03", "02"], restored.Entries.Select(e => e.Uid.Value));

        Assert.Equal(0, one.Cleared().Count);
        Assert.Equal(2, one.Cleared().Capacity);
        Assert.Null(one.Without(Uid("01")).Find(Uid("01")));
    }
}
