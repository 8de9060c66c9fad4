using OpenCpm.Core.Authorization;

namespace OpenCpm.Core.Tests.Authorization;

/// <summary>
/// Who may stop a running session: the card that started it, the master card (our reading of manual 9.2.2, which only
/// says there is at most one), or a card with the same OCPP parent idTag.
/// </summary>
public sealed class MasterCardTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 14, 12, 0, 0, TimeSpan.FromHours(1));

    private static readonly CardUid Alice = CardUid.Parse("04A1B2C3");

    private static readonly CardUid Boss = CardUid.Parse("0B055000");

    private static AuthorizationContext Context(Card master, BackendAvailability backend = BackendAvailability.NotConfigured, AuthorizationCache? cache = null) => new()
    {
        Settings = new AuthorizationSettings { Enabled = true },
        Backend = backend,
        Cards = CardList.Create(
        [
            new Card { Uid = Alice, Name = "Alice" },
            new Card { Uid = CardUid.Parse("B0B0"), Name = "Bob" },
            master,
        ]).Value,
        Cache = cache ?? AuthorizationCache.Empty,
        ChargePoint = new ChargePointIdentity("cp7", "70707070"),
        Now = Now,
    };

    private static Card Master => new() { Uid = Boss, Name = "Boss", IsMasterCard = true, ChargePoints = ["cp1"] };

    [Fact]
    public void The_card_that_started_a_session_stops_it_however_the_station_reads_it()
    {
        var context = Context(Master);
        Assert.Equal(StopOutcome.AllowedSameCard, AuthorizationPolicy.DecideStop(context, CardUid.Parse("04a1b2c300000000"), Alice).Outcome);
        Assert.Equal(StopOutcome.AllowedSameCard, AuthorizationPolicy.DecideStop(context, CardUid.Parse("C3B2A104"), Alice).Outcome);
        Assert.Equal(StopOutcome.AllowedSameCard, AuthorizationPolicy.DecideStop(context, CardUid.Parse("77"), CardUid.Parse("77000000")).Outcome);
    }

    [Fact]
    public void Another_card_may_not_stop_a_session()
    {
        var decision = AuthorizationPolicy.DecideStop(Context(Master), CardUid.Parse("B0B0"), Alice);
        Assert.Equal(StopOutcome.Refused, decision.Outcome);
        Assert.Equal("Card B0B0 did not start the session and may not stop it.", decision.Explanation);
        Assert.False(decision.StopsSession);
    }

    [Fact]
    public void The_master_card_stops_any_session_at_any_charge_point_even_one_it_may_not_charge_at()
    {
        var decision = AuthorizationPolicy.DecideStop(Context(Master), CardUid.Parse("0b05500000000000"), Alice);
        Assert.Equal(StopOutcome.AllowedMasterCard, decision.Outcome);
        Assert.Equal("The master card 0B055000 (Boss) stops the session of 04A1B2C3.", decision.Explanation);
        Assert.True(decision.StopsSession);

        // The same card may not start charging here: it charges like any card, restrictions included.
        Assert.Equal(RejectReason.NotAllowedHere, AuthorizationPolicy.Decide(Context(Master), Boss).Reason);
    }

    [Fact]
    public void The_master_card_stops_a_session_started_without_a_card()
    {
        Assert.Equal(StopOutcome.AllowedMasterCard, AuthorizationPolicy.DecideStop(Context(Master), Boss, null).Outcome);
        Assert.Equal(StopOutcome.Refused, AuthorizationPolicy.DecideStop(Context(Master), Alice, null).Outcome);
    }

    [Theory]
    [InlineData(CardStatus.Blocked, null)]
    [InlineData(CardStatus.Invalid, null)]
    [InlineData(CardStatus.Expired, null)]
    [InlineData(CardStatus.Accepted, "2026-03-13")]
    public void A_master_card_that_is_not_valid_today_has_no_power(CardStatus status, string? expiry)
    {
        var master = Master with { Status = status, Expiry = expiry is null ? null : DateOnly.Parse(expiry, System.Globalization.CultureInfo.InvariantCulture) };
        Assert.Equal(StopOutcome.Refused, AuthorizationPolicy.DecideStop(Context(master), Boss, Alice).Outcome);
    }

    [Fact]
    public void A_card_with_the_same_cached_parent_stops_the_session()
    {
        var family = CardUid.Parse("FAMILY");
        var cache = AuthorizationCache.Empty
            .With(CardUid.Parse("C1"), new IdTagInfo(IdTagStatus.Accepted, ParentIdTag: family), Now)
            .With(CardUid.Parse("C2"), new IdTagInfo(IdTagStatus.Accepted, ParentIdTag: family), Now)
            .With(CardUid.Parse("C3"), new IdTagInfo(IdTagStatus.Accepted, ParentIdTag: CardUid.Parse("OTHER")), Now);
        var context = Context(Master, cache: cache);

        Assert.Equal(StopOutcome.AllowedSameParent, AuthorizationPolicy.DecideStop(context, CardUid.Parse("C2"), CardUid.Parse("C1")).Outcome);
        Assert.Equal(StopOutcome.Refused, AuthorizationPolicy.DecideStop(context, CardUid.Parse("C3"), CardUid.Parse("C1")).Outcome);
    }

    [Fact]
    public void With_the_backend_reachable_an_unknown_parent_is_asked_for()
    {
        var family = CardUid.Parse("FAMILY");
        var cache = AuthorizationCache.Empty.With(CardUid.Parse("C1"), new IdTagInfo(IdTagStatus.Accepted, ParentIdTag: family), Now);
        var context = Context(Master, BackendAvailability.Reachable, cache);
        var presented = CardUid.Parse("C9");

        Assert.Equal(StopOutcome.AskBackend, AuthorizationPolicy.DecideStop(context, presented, CardUid.Parse("C1")).Outcome);
        Assert.Equal(StopOutcome.AllowedSameParent,
            AuthorizationPolicy.CompleteStop(context, presented, CardUid.Parse("C1"), new IdTagInfo(IdTagStatus.Accepted, ParentIdTag: family)).Outcome);
        Assert.Equal(StopOutcome.Refused,
            AuthorizationPolicy.CompleteStop(context, presented, CardUid.Parse("C1"), new IdTagInfo(IdTagStatus.Accepted, ParentIdTag: CardUid.Parse("OTHER"))).Outcome);
        Assert.Equal(StopOutcome.Refused,
            AuthorizationPolicy.CompleteStop(context, presented, CardUid.Parse("C1"), new IdTagInfo(IdTagStatus.Blocked, ParentIdTag: family)).Outcome);
        Assert.Equal(StopOutcome.Refused, AuthorizationPolicy.CompleteStop(context, presented, CardUid.Parse("C1"), null).Outcome);

        var onlyLocal = context with { Settings = context.Settings with { OnlineMode = OnlineAuthorizationMode.OnlyLocal } };
        Assert.Equal(StopOutcome.Refused, AuthorizationPolicy.DecideStop(onlyLocal, presented, CardUid.Parse("C1")).Outcome);
    }
}
