using OpenCpm.Core.Authorization;
using static OpenCpm.Core.Tests.Authorization.AuthorizationTable;

namespace OpenCpm.Core.Tests.Authorization;

public sealed class AuthorizationPolicyTests
{
    private static readonly CardUid Unknown = CardUid.Parse("FF000000");

    private static AuthorizationContext FirstLocal(BackendAvailability backend, OfflineAuthorizationMode offline = OfflineAuthorizationMode.OfflineLocalAuthorization) =>
        Context(backend, OnlineAuthorizationMode.FirstLocal, offline);

    public static TheoryData<BackendAvailability, AuthorizationOutcome> OffByBackend => new()
    {
        { BackendAvailability.NotConfigured, AuthorizationOutcome.Accept },
        { BackendAvailability.Reachable, AuthorizationOutcome.AcceptProvisionally },
        { BackendAvailability.Unreachable, AuthorizationOutcome.AcceptProvisionally },
    };

    [Theory]
    [MemberData(nameof(OffByBackend))]
    public void With_authorization_off_charging_starts_on_plug_in_under_the_predefined_token(BackendAvailability backend, AuthorizationOutcome outcome)
    {
        foreach (var online in Enum.GetValues<OnlineAuthorizationMode>())
        {
            var context = Context(backend, online, OfflineAuthorizationMode.OfflineNoCharging);
            context = context with { Settings = context.Settings with { Enabled = false } };

            foreach (var decision in new[] { AuthorizationPolicy.DecidePlugIn(context), AuthorizationPolicy.Decide(context, CardUid.Parse("B1")) })
            {
                Assert.Equal(outcome, decision.Outcome);
                Assert.Equal(AuthorizationSource.AuthorizationOff, decision.Source);
                Assert.Equal("FREE", decision.IdTag?.Value);
            }
        }
    }

    [Fact]
    public void With_a_backend_the_predefined_token_must_be_accepted_by_it()
    {
        var context = FirstLocal(BackendAvailability.Reachable);
        context = context with { Settings = context.Settings with { Enabled = false } };

        var decision = AuthorizationPolicy.DecidePlugIn(context);

        Assert.Equal("Authorization is off: charging starts with the predefined token FREE, which the backend must accept.", decision.Explanation);
        Assert.Equal(VerificationOutcome.Stop, AuthorizationPolicy.Verify(decision.IdTag!, new IdTagInfo(IdTagStatus.Invalid)).Outcome);
    }

    [Theory]
    [MemberData(nameof(AuthorizationPolicyTableTests.Every), MemberType = typeof(AuthorizationPolicyTableTests))]
    public void With_authorization_on_plug_in_waits_for_a_card_unless_offline_free_charging_applies(BackendAvailability backend, OnlineAuthorizationMode online, OfflineAuthorizationMode offline)
    {
        var decision = AuthorizationPolicy.DecidePlugIn(Context(backend, online, offline));

        var free = Regime(backend, online, offline) == nameof(OfflineAuthorizationMode.OfflineFreeCharging);
        Assert.Equal(free ? AuthorizationOutcome.Accept : AuthorizationOutcome.WaitForCard, decision.Outcome);
        Assert.Equal(free ? "FREE" : null, decision.IdTag?.Value);
    }

    [Fact]
    public void FirstLocal_accepts_a_valid_cache_entry_without_asking_the_backend()
    {
        var cache = AuthorizationCache.Empty.With(Unknown, new IdTagInfo(IdTagStatus.Accepted, LastTick.AddHours(1)), LastTick.AddDays(-1));
        var decision = AuthorizationPolicy.Decide(FirstLocal(BackendAvailability.Reachable) with { Cache = cache }, Unknown);

        Assert.Equal(AuthorizationOutcome.Accept, decision.Outcome);
        Assert.Equal(AuthorizationSource.AuthorizationCache, decision.Source);
    }

    public static TheoryData<IdTagStatus, int> NotValidCacheEntries => new()
    {
        { IdTagStatus.Blocked, 1 },
        { IdTagStatus.Invalid, 1 },
        { IdTagStatus.ConcurrentTx, 1 },
        { IdTagStatus.Accepted, 0 },
    };

    [Theory]
    [MemberData(nameof(NotValidCacheEntries))]
    public void Online_a_cache_entry_that_is_not_valid_is_checked_with_the_backend(IdTagStatus status, int hoursLeft)
    {
        var cache = AuthorizationCache.Empty.With(Unknown, new IdTagInfo(status, LastTick.AddHours(hoursLeft)), LastTick.AddDays(-1));
        var context = FirstLocal(BackendAvailability.Reachable) with { Cache = cache };

        Assert.Equal(AuthorizationOutcome.AskBackend, AuthorizationPolicy.Decide(context, Unknown).Outcome);
    }

    [Fact]
    public void FirstOnline_asks_the_backend_even_for_a_card_the_cache_accepts()
    {
        var cache = AuthorizationCache.Empty.With(Unknown, new IdTagInfo(IdTagStatus.Accepted), LastTick);
        var context = Context(BackendAvailability.Reachable, OnlineAuthorizationMode.FirstOnline, OfflineAuthorizationMode.OfflineLocalAuthorization) with { Cache = cache };

        Assert.Equal(AuthorizationOutcome.AskBackend, AuthorizationPolicy.Decide(context, Unknown).Outcome);
    }

    public static TheoryData<OfflineAuthorizationMode, IdTagStatus, int, string> OfflineCache => new()
    {
        { OfflineAuthorizationMode.OfflineLocalAuthorization, IdTagStatus.Accepted, 1, "A" },
        { OfflineAuthorizationMode.OfflineLocalAuthorization, IdTagStatus.Accepted, 0, "Expired" },
        { OfflineAuthorizationMode.OfflineLocalAuthorization, IdTagStatus.Blocked, 1, "Blocked" },
        { OfflineAuthorizationMode.OfflineLocalUnknownAuthorization, IdTagStatus.Accepted, 0, "Expired" },
        { OfflineAuthorizationMode.OfflineLocalUnknownAuthorization, IdTagStatus.Blocked, 1, "Blocked" },
        { OfflineAuthorizationMode.OfflineLocalUnknownAuthorization, IdTagStatus.ConcurrentTx, 1, "ConcurrentTx" },
        { OfflineAuthorizationMode.OfflineNoAuthorization, IdTagStatus.Blocked, 1, "P" },
        { OfflineAuthorizationMode.OfflineFreeCharging, IdTagStatus.Blocked, 1, "A" },
    };

    [Theory]
    [MemberData(nameof(OfflineCache))]
    public void Offline_a_cached_answer_counts_like_a_card_in_the_list_and_an_expired_one_is_refused(
        OfflineAuthorizationMode offline, IdTagStatus status, int hoursLeft, string expected)
    {
        var cache = AuthorizationCache.Empty.With(Unknown, new IdTagInfo(status, LastTick.AddHours(hoursLeft)), LastTick.AddDays(-1));
        var context = FirstLocal(BackendAvailability.Unreachable, offline) with { Cache = cache };

        Assert.Equal(expected, Shorthand(AuthorizationPolicy.Decide(context, Unknown)));
    }

    public static TheoryData<IdTagStatus?, VerificationOutcome, RejectReason?> Verifications => new()
    {
        { null, VerificationOutcome.Pending, null },
        { IdTagStatus.Accepted, VerificationOutcome.Continue, null },
        { IdTagStatus.ConcurrentTx, VerificationOutcome.Continue, null },
        { IdTagStatus.Blocked, VerificationOutcome.Stop, RejectReason.Blocked },
        { IdTagStatus.Expired, VerificationOutcome.Stop, RejectReason.Expired },
        { IdTagStatus.Invalid, VerificationOutcome.Stop, RejectReason.Invalid },
    };

    [Theory]
    [MemberData(nameof(Verifications))]
    public void A_provisional_session_stops_only_when_the_backend_refuses_its_card(IdTagStatus? status, VerificationOutcome outcome, RejectReason? reason)
    {
        var context = FirstLocal(BackendAvailability.Unreachable, OfflineAuthorizationMode.OfflineNoAuthorization);
        var provisional = AuthorizationPolicy.Decide(context, Unknown);
        Assert.Equal(AuthorizationOutcome.AcceptProvisionally, provisional.Outcome);

        var result = AuthorizationPolicy.Verify(provisional.IdTag!, status is { } s ? new IdTagInfo(s) : null);

        Assert.Equal(outcome, result.Outcome);
        Assert.Equal(reason, result.Reason);
    }

    [Fact]
    public void Explains_each_decision_in_a_sentence_and_a_short_display_text()
    {
        var local = Context(BackendAvailability.NotConfigured, OnlineAuthorizationMode.FirstLocal, OfflineAuthorizationMode.OfflineLocalAuthorization);
        string[] Explain(AuthorizationContext context, string uid)
        {
            var decision = AuthorizationPolicy.Decide(context, CardUid.Parse(uid));
            return [decision.Explanation, decision.DisplayText];
        }

        Assert.Equal(["Card A1 (accepted) is accepted by the card list.", "Card accepted"], Explain(local, "A1"));
        Assert.Equal(["Card B1 (blocked) is blocked.", "Card blocked"], Explain(local, "B1"));
        Assert.Equal(["Card 12 (other charge point) may not charge at cp1 (serial 12345678).", "Card not valid here"], Explain(local, "12"));
        Assert.Equal(["Card FF000000 is not in the card list.", "Card unknown"], Explain(local, "FF000000"));
        Assert.Equal(
            ["Card A1 is refused: the backend is unreachable and the offline mode is OfflineNoCharging.", "Offline: no charging"],
            Explain(FirstLocal(BackendAvailability.Unreachable, OfflineAuthorizationMode.OfflineNoCharging), "A1"));

        var refused = AuthorizationPolicy.Complete(FirstLocal(BackendAvailability.Reachable), Unknown, new IdTagInfo(IdTagStatus.ConcurrentTx));
        Assert.Equal(["The backend refuses card FF000000: already in another transaction.", "Card already in use"], [refused.Explanation, refused.DisplayText]);
        Assert.All(Enum.GetValues<RejectReason>(), reason => Assert.InRange((refused with { Reason = reason }).DisplayText.Length, 1, 20));
    }
}
