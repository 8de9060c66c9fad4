using OpenCpm.Core.Authorization;

namespace OpenCpm.Core.Tests.Authorization;

/// <summary>
/// The card list, charge point and clock behind the decision tables, and the expected outcomes written out by hand.
/// Cards are presented as a KEBA station reports them (16 hex digits, padded) and read with CardUid.FromStationTag,
/// as the host does, so the table also covers matching.
/// </summary>
public static class AuthorizationTable
{
    /// <summary>The last tick of 14 March 2026, site time (UTC+1): the last instant of the "last day" card.</summary>
    public static readonly DateTimeOffset LastTick = new DateTimeOffset(2026, 3, 15, 0, 0, 0, TimeSpan.FromHours(1)).AddTicks(-1);

    public static readonly ChargePointIdentity ChargePoint = new("cp1", "12345678");

    /// <summary>The situations, in the order of the columns of <see cref="Expected"/>.</summary>
    public static readonly string[] Situations =
        ["unknown", "accepted", "blocked", "status expired", "invalid", "last day", "past expiry", "other charge point", "by serial", "by id"];

    /// <summary>The KEBA tag presented in each situation.</summary>
    public static readonly string[] PresentedTags =
    [
        "ff00000000000000", "a100000000000000", "b100000000000000", "e100000000000000", "c100000000000000",
        "d100000000000000", "d000000000000000", "1200000000000000", "5100000000000000", "5200000000000000",
    ];

    public static readonly CardList Cards = CardList.Create(
    [
        new Card { Uid = CardUid.Parse("A1"), Name = "accepted" },
        new Card { Uid = CardUid.Parse("B1"), Name = "blocked", Status = CardStatus.Blocked },
        new Card { Uid = CardUid.Parse("E1"), Name = "status expired", Status = CardStatus.Expired },
        new Card { Uid = CardUid.Parse("C1"), Name = "invalid", Status = CardStatus.Invalid },
        new Card { Uid = CardUid.Parse("D1"), Name = "last day", Expiry = new DateOnly(2026, 3, 14) },
        new Card { Uid = CardUid.Parse("D0"), Name = "past expiry", Expiry = new DateOnly(2026, 3, 13) },
        new Card { Uid = CardUid.Parse("12"), Name = "other charge point", ChargePoints = ["cp9", "99999999"] },
        new Card { Uid = CardUid.Parse("51"), Name = "by serial", ChargePoints = ["cp9", "12345678"] },
        new Card { Uid = CardUid.Parse("52"), Name = "by id", ChargePoints = ["CP1"] },
    ]).Value;

    /// <summary>
    /// Which row of <see cref="Expected"/> applies: without a backend, and with OnlyLocal, the card list decides; with
    /// the backend reachable FirstLocal asks it for unknown cards and FirstOnline for every card; with it unreachable
    /// the offline mode decides.
    /// </summary>
    public static string Regime(BackendAvailability backend, OnlineAuthorizationMode online, OfflineAuthorizationMode offline) =>
        (backend, online) switch
        {
            (BackendAvailability.NotConfigured, _) or (_, OnlineAuthorizationMode.OnlyLocal) => "card list",
            (BackendAvailability.Reachable, OnlineAuthorizationMode.FirstLocal) => "card list, then backend",
            (BackendAvailability.Reachable, OnlineAuthorizationMode.FirstOnline) => "backend",
            _ => offline.ToString(),
        };

    // A = accept, P = accept provisionally, Ask = ask the backend, anything else = the reject reason.
    public static readonly Dictionary<string, string[]> Expected = new()
    {
        //                                                   unknown              accepted blocked    status expired invalid    last day  past expiry  other charge point  by serial  by id
        ["card list"] =                                     ["Unknown",           "A",     "Blocked", "Expired",     "Invalid", "A",      "Expired",   "NotAllowedHere",   "A",       "A"],
        ["card list, then backend"] =                       ["Ask",               "A",     "Blocked", "Expired",     "Invalid", "A",      "Expired",   "NotAllowedHere",   "A",       "A"],
        ["backend"] =                                       ["Ask",               "Ask",   "Ask",     "Ask",         "Ask",     "Ask",    "Ask",       "Ask",              "Ask",     "Ask"],
        ["OfflineLocalUnknownAuthorization"] =              ["A",                 "A",     "Blocked", "Expired",     "Invalid", "A",      "Expired",   "NotAllowedHere",   "A",       "A"],
        ["OfflineLocalAuthorization"] =                     ["Unknown",           "A",     "Blocked", "Expired",     "Invalid", "A",      "Expired",   "NotAllowedHere",   "A",       "A"],
        ["OfflineNoAuthorization"] =                        ["P",                 "P",     "P",       "P",           "P",       "P",      "P",         "P",                "P",       "P"],
        ["OfflineNoCharging"] =                             ["OfflineNoCharging", "OfflineNoCharging", "OfflineNoCharging", "OfflineNoCharging", "OfflineNoCharging", "OfflineNoCharging", "OfflineNoCharging", "OfflineNoCharging", "OfflineNoCharging", "OfflineNoCharging"],
        ["OfflineFreeCharging"] =                           ["A",                 "A",     "A",       "A",           "A",       "A",      "A",         "A",                "A",       "A"],
    };

    public static AuthorizationContext Context(BackendAvailability backend, OnlineAuthorizationMode online, OfflineAuthorizationMode offline) => new()
    {
        Settings = new AuthorizationSettings { Enabled = true, OnlineMode = online, OfflineMode = offline, PredefinedToken = CardUid.Parse("FREE") },
        Backend = backend,
        Cards = Cards,
        ChargePoint = ChargePoint,
        Now = LastTick,
    };

    /// <summary>The decision in the table's shorthand.</summary>
    public static string Shorthand(AuthorizationDecision decision) => decision.Outcome switch
    {
        AuthorizationOutcome.Accept => "A",
        AuthorizationOutcome.AcceptProvisionally => "P",
        AuthorizationOutcome.AskBackend => "Ask",
        AuthorizationOutcome.Reject => decision.Reason.ToString()!,
        _ => decision.Outcome.ToString(),
    };

    /// <summary>Every backend state × online mode × offline mode for which <paramref name="where"/> holds (default: all).</summary>
    public static TheoryData<BackendAvailability, OnlineAuthorizationMode, OfflineAuthorizationMode> Combinations(
        Func<BackendAvailability, OnlineAuthorizationMode, OfflineAuthorizationMode, bool>? where = null)
    {
        var data = new TheoryData<BackendAvailability, OnlineAuthorizationMode, OfflineAuthorizationMode>();
        foreach (var backend in Enum.GetValues<BackendAvailability>())
        {
            foreach (var online in Enum.GetValues<OnlineAuthorizationMode>())
            {
                foreach (var offline in Enum.GetValues<OfflineAuthorizationMode>())
                {
                    if (where?.Invoke(backend, online, offline) ?? true)
                    {
                        data.Add(backend, online, offline);
                    }
                }
            }
        }

        return data;
    }
}
