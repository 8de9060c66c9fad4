using System.Collections.Immutable;
using OpenCpm.Control;
using OpenCpm.Core.Authorization;
using OpenCpm.Data;
using OpenCpm.Live;
using OpenCpm.Settings;
using OpenCpm.Stations;

namespace OpenCpm.Authorization;

/// <summary>
/// Decides, with the Core <see cref="AuthorizationPolicy"/>, whether the vehicle at each charge point may charge: on
/// plug-in (authorization off: at once, under the predefined token; on: it waits for a card), on a card presented at
/// the station, on the operator's start or stop, and when the backend comes back for a provisional start. The control
/// loop gives current only where <see cref="AllowsCharging"/> says so — with authorization on, never before a decision.
/// <para>
/// KEBA P30 stations keep their own card list empty, so they would charge on plug-in by themselves; the controller
/// holds their current at 0 until it accepts the card the station recorded for the running session (report 100, read
/// by the driver as <see cref="CardPresented"/>). A station records only the first card of a session, so after a
/// refused card the vehicle must be unplugged before another card can be tried.
/// </para>
/// </summary>
internal sealed class ChargingAuthorizer(
    SiteSnapshots site,
    StationEvents stationEvents,
    SettingsService settings,
    CardService cards,
    IBackendAuthorizer backend,
    ChargePointReservations reservations,
    EventLog events,
    Display.StationDisplays displays,
    TimeProvider timeProvider,
    ILogger<ChargingAuthorizer> logger) : BackgroundService
{
    public const string EventSource = "authorization";

    private static readonly TimeSpan StepInterval = TimeSpan.FromSeconds(1);
    private readonly WakeableLoop _loop = new(StepInterval, timeProvider);
    private readonly Lock _lock = new();
    private readonly Queue<(string ChargePoint, Func<ChargePointAuthorization?, Task<ChargePointAuthorization?>> Change)> _requests = new();

    /// <summary>The decision per charge point with a vehicle plugged in (or pre-authorized by the operator).</summary>
    public LiveValue<ImmutableDictionary<string, ChargePointAuthorization>> States { get; } = new(ImmutableDictionary<string, ChargePointAuthorization>.Empty.WithComparers(StringComparer.Ordinal));

    /// <summary>
    /// Whether the control loop may give the vehicle at <paramref name="chargePointId"/> current: the operator's start or
    /// stop stands whatever the settings; else with authorization off always, with it on only after a decision that allows it.
    /// </summary>
    public bool AllowsCharging(string chargePointId)
    {
        States.Current.TryGetValue(chargePointId, out var state);
        if (state is null or { By: AuthorizedBy.PlugIn } && reservations.HeldAt(chargePointId) is not null)
        {
            return false; // a reserved charge point waits for the reserving card, whatever the plug-in rule says
        }

        return state is { By: AuthorizedBy.Operator }
            ? state.AllowsCharging
            : !settings.Current.Get<Data.AuthorizationSettings>().Enabled || state is { AllowsCharging: true };
    }

    /// <summary>Whether a backend's reservation holds <paramref name="chargePointId"/> now (the allocator keeps its share while current is short).</summary>
    public bool IsReserved(string chargePointId) => reservations.HeldAt(chargePointId) is not null;

    /// <summary>The card or token the running session at <paramref name="chargePointId"/> is authorized under.</summary>
    public string? IdTagOf(string chargePointId) =>
        States.Current.TryGetValue(chargePointId, out var state) && state.AllowsCharging ? state.IdTag?.Value : null;

    /// <summary>The parent of <paramref name="idTag"/> as the backend last said (authorization cache), or null.</summary>
    public string? ParentOf(string idTag) =>
        CardUid.TryParse(idTag, out var uid) ? backend.Cache.Find(uid)?.Info.ParentIdTag?.Value : null;

    /// <summary>The operator starts charging without a card (under <paramref name="idTag"/>, else the predefined token).</summary>
    public Task StartAsync(string chargePointId, CardUid? idTag, CancellationToken cancellationToken) =>
        RequestAsync(chargePointId, _ =>
        {
            var token = idTag ?? Policy().PredefinedToken;
            return Task.FromResult<ChargePointAuthorization?>(new ChargePointAuthorization(
                AuthorizationOutcome.Accept, token, $"Charging at {chargePointId} was started by the operator{(token is null ? "" : $" under {token}")}.", AuthorizedBy.Operator));
        }, cancellationToken);

    /// <summary>The operator stops charging: the vehicle waits for a card again.</summary>
    public Task StopAsync(string chargePointId, CancellationToken cancellationToken) =>
        RequestAsync(chargePointId, current => Task.FromResult<ChargePointAuthorization?>(current is null ? null
            : new ChargePointAuthorization(AuthorizationOutcome.WaitForCard, null, $"Charging at {chargePointId} was stopped by the operator.", AuthorizedBy.Operator, current.PresentedTag, current.SeenPlugged)), cancellationToken);

    /// <summary>
    /// An operator's (or the backend's remote) start that still waits for its vehicle is given up (OCPP
    /// ConnectionTimeOut): a vehicle plugged in later is decided by the plug-in rule again. Anything else stays.
    /// </summary>
    public Task WithdrawStartAsync(string chargePointId, CancellationToken cancellationToken) =>
        RequestAsync(chargePointId, current => Task.FromResult(current is { By: AuthorizedBy.Operator, SeenPlugged: false } ? null : current), cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await cards.LoadAsync(stoppingToken);
        var presented = stationEvents.Subscribe(stoppingToken);
        using var siteChanges = site.Live.Subscribe(_ => _loop.Wake());
        using var settingsChanges = settings.Changes.Subscribe(_ => _loop.Wake());
        var pump = PumpCardsAsync(presented, stoppingToken);
        await _loop.RunAsync(StepAsync, ex => AuthorizationLog.StepFailed(logger, "*", ex), stoppingToken);
        await pump.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task PumpCardsAsync(System.Threading.Channels.ChannelReader<StationEvent> presented, CancellationToken cancellationToken)
    {
        await foreach (var stationEvent in presented.ReadAllAsync(cancellationToken))
        {
            if (stationEvent is CardPresented card)
            {
                Enqueue(card.ChargePointId, current => CardAsync(card, current, cancellationToken));
            }
        }
    }

    private Task RequestAsync(string chargePointId, Func<ChargePointAuthorization?, Task<ChargePointAuthorization?>> change, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Enqueue(chargePointId, async current =>
        {
            try
            {
                return await change(current);
            }
            finally
            {
                done.TrySetResult();
            }
        });
        return done.Task.WaitAsync(cancellationToken);
    }

    private void Enqueue(string chargePointId, Func<ChargePointAuthorization?, Task<ChargePointAuthorization?>> change)
    {
        lock (_lock)
        {
            _requests.Enqueue((chargePointId, change));
        }

        _loop.Wake();
    }

    /// <summary>One step: plug-ins and unplugs, settings turned on or off, then the queued cards and operator actions.</summary>
    private async Task StepAsync(CancellationToken cancellationToken)
    {
        var states = States.Current;
        var policy = Policy();
        foreach (var chargePoint in site.Current.ChargePoints)
        {
            var plugged = chargePoint.Status.VehiclePlugged;
            states.TryGetValue(chargePoint.Id, out var state);
            if (!plugged)
            {
                // The vehicle left: its decision goes, except an operator's start that still waits for its vehicle.
                if (state is not null && (state.SeenPlugged || state.By != AuthorizedBy.Operator))
                {
                    states = states.Remove(chargePoint.Id);
                }

                continue;
            }

            var next = state is null || (state.By == AuthorizedBy.PlugIn && (state.Outcome == AuthorizationOutcome.WaitForCard) != policy.Enabled)
                ? PlugIn(chargePoint.Installation, policy)
                : state;
            next = next with { SeenPlugged = true };
            if (next != state)
            {
                states = states.SetItem(chargePoint.Id, next);
            }
        }

        if (!ReferenceEquals(states, States.Current))
        {
            States.Publish(states);
        }

        while (Dequeue() is { } request)
        {
            var current = States.Current.GetValueOrDefault(request.ChargePoint);
            var next = await request.Change(current);
            if (next != current)
            {
                States.Publish(next is null ? States.Current.Remove(request.ChargePoint) : States.Current.SetItem(request.ChargePoint, next));
            }
        }
    }

    /// <summary>The plug-in rule: charging at once (authorization off, offline free charging) or after a card.</summary>
    private ChargePointAuthorization PlugIn(ChargePointInstallation installation, Core.Authorization.AuthorizationSettings policy)
    {
        var decision = AuthorizationPolicy.DecidePlugIn(Context(installation, policy));
        return new ChargePointAuthorization(decision.Outcome, decision.IdTag, decision.Explanation, AuthorizedBy.PlugIn);
    }

    private (string ChargePoint, Func<ChargePointAuthorization?, Task<ChargePointAuthorization?>> Change)? Dequeue()
    {
        lock (_lock)
        {
            return _requests.TryDequeue(out var request) ? request : null;
        }
    }

    /// <summary>A card the station recorded: decided (asking the backend when the policy says so) unless it was decided already.</summary>
    private async Task<ChargePointAuthorization?> CardAsync(CardPresented card, ChargePointAuthorization? current, CancellationToken cancellationToken)
    {
        var policy = Policy();
        if (!policy.Enabled || current?.PresentedTag == card.IdTag || site.Current.Find(card.ChargePointId) is not { } chargePoint)
        {
            return current;
        }

        if (CardUid.FromStationTag(card.IdTag) is not { } uid)
        {
            return current;
        }

        var context = Context(chargePoint.Installation, policy);
        var decision = AuthorizationPolicy.Decide(context, uid);
        IdTagInfo? answer = null;
        if (decision.Outcome == AuthorizationOutcome.AskBackend)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10), timeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                answer = await backend.AuthorizeAsync(uid, linked.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                answer = null;
            }

            decision = AuthorizationPolicy.Complete(context, uid, answer);
        }

        if (decision.StartsCharging && reservations.HeldAt(chargePoint.Id) is { } held
            && !held.Admits(uid.Value, (answer?.ParentIdTag ?? backend.Cache.Find(uid)?.Info.ParentIdTag)?.Value))
        {
            decision = decision with
            {
                Outcome = AuthorizationOutcome.Reject,
                Reason = RejectReason.NotAllowedHere,
                Explanation = $"Card {uid} is refused at {chargePoint.Id}: the backend reserved it for another card (reservation {held.Id}).",
            };
        }

        AuthorizationLog.Decided(logger, chargePoint.Id, decision.Explanation);
        if (decision.Outcome == AuthorizationOutcome.Reject)
        {
            await events.WarningAsync(EventSource, decision.Explanation, cancellationToken);
            await displays.ShowCardAsync(chargePoint.Id, accepted: false, decision.DisplayText, cancellationToken);
        }
        else if (decision.StartsCharging)
        {
            await events.InfoAsync(EventSource, decision.Explanation, cancellationToken);
            await displays.ShowCardAsync(chargePoint.Id, accepted: true, defaultText: null, cancellationToken);
        }

        return new ChargePointAuthorization(decision.Outcome, decision.IdTag ?? uid, decision.Explanation, AuthorizedBy.Card, card.IdTag, current?.SeenPlugged ?? false);
    }

    private Core.Authorization.AuthorizationSettings Policy() => settings.Current.Get<Data.AuthorizationSettings>().ToPolicy();

    private AuthorizationContext Context(ChargePointInstallation installation, Core.Authorization.AuthorizationSettings policy) => new()
    {
        Settings = policy,
        Backend = backend.Availability,
        Cards = cards.Cards.Current,
        Cache = backend.Cache,
        ChargePoint = new ChargePointIdentity(installation.Id, installation.Serial),
        Now = timeProvider.GetLocalNow(),
    };
}
