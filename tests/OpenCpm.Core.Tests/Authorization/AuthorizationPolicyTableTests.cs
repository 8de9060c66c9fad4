using OpenCpm.Core.Authorization;
using static OpenCpm.Core.Tests.Authorization.AuthorizationTable;

namespace OpenCpm.Core.Tests.Authorization;

/// <summary>Every online mode × offline mode × backend state, against every card situation of <see cref="AuthorizationTable"/>.</summary>
public sealed class AuthorizationPolicyTableTests
{
    public static TheoryData<BackendAvailability, OnlineAuthorizationMode, OfflineAuthorizationMode> Every => Combinations();

    public static TheoryData<BackendAvailability, OnlineAuthorizationMode, OfflineAuthorizationMode> Asking =>
        Combinations((backend, online, offline) => Regime(backend, online, offline) is "backend" or "card list, then backend");

    [Theory]
    [MemberData(nameof(Every))]
    public void Decides_each_card_situation_as_the_manuals_tables_say(BackendAvailability backend, OnlineAuthorizationMode online, OfflineAuthorizationMode offline)
    {
        var context = Context(backend, online, offline);
        var expected = Expected[Regime(backend, online, offline)];

        var actual = PresentedTags.Select(tag => Shorthand(AuthorizationPolicy.Decide(context, CardUid.FromStationTag(tag)!))).ToArray();

        Assert.Equal(
            string.Join(" | ", Situations.Zip(expected, (s, e) => $"{s}: {e}")),
            string.Join(" | ", Situations.Zip(actual, (s, a) => $"{s}: {a}")));
    }

    [Theory]
    [MemberData(nameof(Every))]
    public void Names_the_stored_uid_of_a_matched_card_as_the_sessions_idTag(BackendAvailability backend, OnlineAuthorizationMode online, OfflineAuthorizationMode offline)
    {
        var context = Context(backend, online, offline);
        for (var i = 0; i < PresentedTags.Length; i++)
        {
            var decision = AuthorizationPolicy.Decide(context, CardUid.FromStationTag(PresentedTags[i])!);
            var expected = i == 0 ? "FF000000" : Cards.Cards[i - 1].Uid.Value;
            Assert.Equal(expected, decision.IdTag?.Value);
        }
    }

    [Theory]
    [MemberData(nameof(Asking))]
    public void The_backends_answer_is_final_and_no_answer_falls_back_to_the_offline_mode(BackendAvailability backend, OnlineAuthorizationMode online, OfflineAuthorizationMode offline)
    {
        var context = Context(backend, online, offline);

        // FirstLocal asks only for cards not in the list; FirstOnline asks for every card, a blocked one in the list too.
        var asked = online == OnlineAuthorizationMode.FirstOnline ? new[] { ("unknown", 0), ("blocked", 2) } : [("unknown", 0)];
        foreach (var (situation, column) in asked)
        {
            var presented = CardUid.FromStationTag(PresentedTags[column])!;
            Assert.Equal(AuthorizationOutcome.AskBackend, AuthorizationPolicy.Decide(context, presented).Outcome);

            string Answer(IdTagInfo? info) => Shorthand(AuthorizationPolicy.Complete(context, presented, info));

            Assert.Equal("A", Answer(new IdTagInfo(IdTagStatus.Accepted)));
            Assert.Equal("Blocked", Answer(new IdTagInfo(IdTagStatus.Blocked)));
            Assert.Equal("Expired", Answer(new IdTagInfo(IdTagStatus.Expired)));
            Assert.Equal("Invalid", Answer(new IdTagInfo(IdTagStatus.Invalid)));
            Assert.Equal("ConcurrentTx", Answer(new IdTagInfo(IdTagStatus.ConcurrentTx)));
            Assert.True(Expected[offline.ToString()][column] == Answer(null), $"{situation} card without an answer");
        }
    }

    [Fact]
    public void A_card_is_valid_through_the_last_tick_of_its_expiry_day_in_site_time()
    {
        var context = Context(BackendAvailability.NotConfigured, OnlineAuthorizationMode.FirstLocal, OfflineAuthorizationMode.OfflineLocalAuthorization);
        var lastDay = CardUid.Parse("D1");

        Assert.Equal(AuthorizationOutcome.Accept, AuthorizationPolicy.Decide(context with { Now = LastTick }, lastDay).Outcome);

        var midnight = AuthorizationPolicy.Decide(context with { Now = LastTick.AddTicks(1) }, lastDay);
        Assert.Equal(RejectReason.Expired, midnight.Reason);
        Assert.Equal("Card D1 (last day) expired at the end of 2026-03-14.", midnight.Explanation);

        // The same instant as 00:30 site time, but given in UTC: the host must pass local time (TimeProvider.GetLocalNow()).
        var halfPastMidnight = new DateTimeOffset(2026, 3, 15, 0, 30, 0, TimeSpan.FromHours(1));
        Assert.Equal(RejectReason.Expired, AuthorizationPolicy.Decide(context with { Now = halfPastMidnight }, lastDay).Reason);
        Assert.Equal(AuthorizationOutcome.Accept, AuthorizationPolicy.Decide(context with { Now = halfPastMidnight.ToUniversalTime() }, lastDay).Outcome);
    }
}
