using OpenCpm.Core.Authorization;

namespace OpenCpm.Core.Tests.Authorization;

public sealed class OcppAuthorizationKeysTests
{
    public static TheoryData<OfflineAuthorizationMode, bool, bool, bool> OfflineKeys => new()
    {
        // mode                                                     LocalAuthorizeOffline  AllowOfflineTxForUnknownId  StopTransactionOnInvalidId
        { OfflineAuthorizationMode.OfflineLocalUnknownAuthorization, true, true, false },
        { OfflineAuthorizationMode.OfflineLocalAuthorization, true, false, false },
        { OfflineAuthorizationMode.OfflineNoAuthorization, false, true, true },
        { OfflineAuthorizationMode.OfflineNoCharging, false, false, false },
        { OfflineAuthorizationMode.OfflineFreeCharging, true, true, false },
    };

    [Theory]
    [MemberData(nameof(OfflineKeys))]
    public void Maps_each_offline_mode_onto_the_OCPP_keys(OfflineAuthorizationMode mode, bool localOffline, bool unknownOffline, bool stopOnInvalid)
    {
        var keys = OcppAuthorizationKeys.For(new AuthorizationSettings { OfflineMode = mode });
        Assert.Equal((localOffline, unknownOffline, stopOnInvalid), (keys.LocalAuthorizeOffline, keys.AllowOfflineTxForUnknownId, keys.StopTransactionOnInvalidId));
    }

    [Theory]
    [InlineData(OnlineAuthorizationMode.FirstLocal, true)]
    [InlineData(OnlineAuthorizationMode.OnlyLocal, true)]
    [InlineData(OnlineAuthorizationMode.FirstOnline, false)]
    public void Maps_each_online_mode_onto_LocalPreAuthorize(OnlineAuthorizationMode mode, bool localPreAuthorize)
    {
        Assert.Equal(localPreAuthorize, OcppAuthorizationKeys.For(new AuthorizationSettings { OnlineMode = mode }).LocalPreAuthorize);
    }

    [Theory]
    [MemberData(nameof(AuthorizationPolicyTableTests.Every), MemberType = typeof(AuthorizationPolicyTableTests))]
    public void Writing_back_the_keys_a_mode_reports_keeps_the_mode(BackendAvailability unused, OnlineAuthorizationMode online, OfflineAuthorizationMode offline)
    {
        _ = unused;
        var settings = new AuthorizationSettings { Enabled = true, OnlineMode = online, OfflineMode = offline, PredefinedToken = CardUid.Parse("T") };
        Assert.Equal(settings, OcppAuthorizationKeys.For(settings).ApplyTo(settings));
    }

    [Theory]
    [InlineData(true, true, true, false, OnlineAuthorizationMode.FirstLocal, OfflineAuthorizationMode.OfflineLocalUnknownAuthorization)]
    [InlineData(true, true, false, false, OnlineAuthorizationMode.FirstLocal, OfflineAuthorizationMode.OfflineLocalAuthorization)]
    [InlineData(false, false, true, true, OnlineAuthorizationMode.FirstOnline, OfflineAuthorizationMode.OfflineNoAuthorization)]
    [InlineData(false, true, true, true, OnlineAuthorizationMode.FirstOnline, OfflineAuthorizationMode.OfflineNoAuthorization)]
    [InlineData(true, false, false, true, OnlineAuthorizationMode.FirstLocal, OfflineAuthorizationMode.OfflineNoCharging)]
    public void A_backend_changing_the_keys_changes_the_modes(
        bool preAuthorize, bool localOffline, bool unknownOffline, bool stopOnInvalid, OnlineAuthorizationMode online, OfflineAuthorizationMode offline)
    {
        var current = new AuthorizationSettings { OnlineMode = OnlineAuthorizationMode.FirstOnline, OfflineMode = OfflineAuthorizationMode.OfflineNoCharging };
        var changed = new OcppAuthorizationKeys(preAuthorize, localOffline, unknownOffline, stopOnInvalid).ApplyTo(current);
        Assert.Equal((online, offline), (changed.OnlineMode, changed.OfflineMode));
    }

    [Fact]
    public void LocalPreAuthorize_keeps_OnlyLocal()
    {
        var onlyLocal = new AuthorizationSettings { OnlineMode = OnlineAuthorizationMode.OnlyLocal };
        Assert.Equal(OnlineAuthorizationMode.OnlyLocal, new OcppAuthorizationKeys(true, true, false, false).ApplyTo(onlyLocal).OnlineMode);
        Assert.Equal(OnlineAuthorizationMode.FirstOnline, new OcppAuthorizationKeys(false, true, false, false).ApplyTo(onlyLocal).OnlineMode);
    }
}
