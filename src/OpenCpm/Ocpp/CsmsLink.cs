using OpenCpm.Backend;
using OpenCpm.Data;
using OpenCpm.Live;
using OpenCpm.Protocols.Ocpp;
using OpenCpm.Protocols.Ocpp.V16;
using OpenCpm.Settings;

namespace OpenCpm.Ocpp;

/// <summary>
/// The controller's connection to its backend (OCPP 1.6J, issue 13): while the backend is enabled it connects
/// (ws/wss, subprotocol ocpp1.6, Basic auth for security profiles 1 and 2), registers with BootNotification —
/// nothing but boot retries until the backend accepts, as often as its interval says —, sends a Heartbeat after
/// HeartbeatInterval without any other message, and reconnects with exponential backoff and jitter. A mere reconnect
/// sends no new BootNotification (OCPP-J §5.4); a new process, a Soft reset, a trigger, or a new endpoint or identity
/// does. Settings that change the connection (URL, identity, profile, key) reconnect. The link's state goes to
/// <see cref="BackendLinkStatus"/> (and from there to /api/v1/status); every frame goes to the host log at debug
/// level, the authorization key masked.
/// </summary>
internal sealed partial class CsmsLink(
    SettingsService settings,
    IServiceProvider services,
    BackendLinkStatus status,
    Provisioning.ControllerIdentity identity,
    Updates.InstalledVersion version,
    EventLog events,
    Certificates.CertificateStore certificates,
    SecurityEvents securityEvents,
    OcppLinkOptions options,
    TimeProvider time,
    ILoggerFactory loggers) : BackgroundService
{
    public const string EventSource = "backend";
    public const string Vendor = "OpenCPM";
    public const string Model = "OpenCPM controller";

    private readonly ILogger _logger = loggers.CreateLogger<CsmsLink>();
    private readonly Lock _lock = new();
    private OcppRouter? _router;
    private CancellationTokenSource? _connectionCts;
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string? _registeredAs;
    private bool _bootRequested;
    private bool _heartbeatRequested;
    private long _connections;
    private TimeSpan? _bootInterval;
    private bool _certificateRejected;

    /// <summary>The open connection and its registration; null while there is none.</summary>
    public LiveValue<CsmsSession?> Session { get; } = new(null);

    /// <summary>Whether the backend accepted the registration and the connection is open.</summary>
    public bool IsAccepted => Session.Current is { Accepted: true, Connection.IsOpen: true };

    /// <summary>The interval the backend's BootNotification answer gave, or HeartbeatInterval as configured.</summary>
    public TimeSpan HeartbeatInterval => _bootInterval ?? TimeSpan.FromSeconds(settings.Current.Get<OcppBackendSettings>().HeartbeatIntervalSeconds);

    /// <summary>
    /// Sends a request once the backend accepted the registration (or, with whilePending, also while it is pending:
    /// what TriggerMessage asks for). Throws <see cref="OcppConnectionClosedException"/> when there is no such
    /// connection, and what <see cref="OcppConnection.CallAnyAsync"/> throws.
    /// </summary>
    public Task<TResponse> CallAsync<TResponse>(IOcppRequest<TResponse> request, CancellationToken cancellationToken)
        where TResponse : class => CallAsync(request, whilePending: false, cancellationToken);

    public async Task<TResponse> CallAsync<TResponse>(IOcppRequest<TResponse> request, bool whilePending, CancellationToken cancellationToken)
        where TResponse : class => (TResponse)await CallAnyAsync(request, whilePending, cancellationToken);

    public Task<object> CallAnyAsync(object request, bool whilePending, CancellationToken cancellationToken)
    {
        var session = Session.Current;
        if (session is null || !session.Connection.IsOpen || (!session.Accepted && !whilePending))
        {
            throw new OcppConnectionClosedException(session is null ? "the controller is not connected to its backend" : "the backend has not accepted the controller's registration");
        }

        return session.Connection.CallAnyAsync(request, options.CallTimeout, cancellationToken);
    }

    /// <summary>Closes the connection and connects again, with a new BootNotification when <paramref name="boot"/> (a Soft reset).</summary>
    public void Reconnect(bool boot)
    {
        lock (_lock)
        {
            _bootRequested |= boot;
            _connectionCts?.Cancel();
        }
    }

    /// <summary>TriggerMessage BootNotification: a BootNotification now (also while registered).</summary>
    public void TriggerBoot()
    {
        lock (_lock)
        {
            _bootRequested = true;
        }

        Wake();
    }

    /// <summary>TriggerMessage Heartbeat: a Heartbeat now.</summary>
    public void TriggerHeartbeat()
    {
        lock (_lock)
        {
            _heartbeatRequested = true;
        }

        Wake();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _router = new OcppRouter();
        // Resolved here, not injected: the handlers use services that use this link.
        foreach (var group in services.GetServices<IOcppHandlers>())
        {
            group.Register(_router);
        }

        await settings.LoadAsync(stoppingToken);
        using var settingsChanges = settings.Changes.Subscribe(OnSettingsChanged);
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wake = WakeSignal();
            var backend = settings.Current.Get<OcppBackendSettings>();
            if (!backend.Enabled || backend.Url is not { Length: > 0 } || string.IsNullOrEmpty(backend.ChargeBoxId))
            {
                await WaitAsync(Timeout.InfiniteTimeSpan, wake, stoppingToken);
                continue;
            }

            using var connectionCts = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            lock (_lock)
            {
                _connectionCts = connectionCts;
            }

            TimeSpan? wait;
            try
            {
                wait = await ConnectAndRunAsync(backend, connectionCts.Token);
                failures = wait is null ? 0 : failures;
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                wait = TimeSpan.Zero; // the settings changed or a reconnect was asked for
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                await CertificateFailureAsync(ex, stoppingToken);
                failures++;
                wait = Backoff(failures);
                status.Report(BackendLinkStatus.Disconnected);
                OcppHostLog.ConnectFailed(_logger, Shown(backend), ex.Message, wait.Value.TotalSeconds);
                if (failures == 1)
                {
                    await WriteEventAsync(EventSeverity.Warning, $"The backend {Shown(backend)} can't be reached: {ex.Message}.", stoppingToken);
                }
            }
            finally
            {
                lock (_lock)
                {
                    _connectionCts = null;
                }
            }

            await WaitAsync(wait ?? Backoff(1), WakeSignal(), stoppingToken);
        }
    }

    /// <summary>
    /// One connection, from the handshake until it ends; returns how long to wait before the next (null: the usual
    /// backoff after a connection that worked).
    /// </summary>
    private async Task<TimeSpan?> ConnectAndRunAsync(OcppBackendSettings backend, CancellationToken cancellationToken)
    {
        status.Report(BackendLinkStatus.Connecting);
        var configuration = settings.Current.Get<OcppChargePointSettings>();
        var clientOptions = ClientOptions(backend, configuration);
        System.Net.WebSockets.ClientWebSocket socket;
        try
        {
            socket = await OcppClient.ConnectAsync(clientOptions, time, _logger, cancellationToken);
        }
        finally
        {
            clientOptions.ClientCertificate?.Dispose();
            foreach (var root in clientOptions.CentralSystemRootCertificates)
            {
                root.Dispose();
            }
        }

        _certificateRejected = false;
        var number = Interlocked.Increment(ref _connections);
        var connection = new OcppConnection(socket, _router, new OcppConnectionOptions
        {
            Name = $"backend {backend.ChargeBoxId}",
            CallTimeout = options.CallTimeout,
        }, time, loggers.CreateLogger<OcppConnection>());
        using var runCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var run = connection.RunAsync(runCts.Token);
        try
        {
            var registration = RegistrationKey(backend);
            var accepted = await RegisterAsync(connection, backend, registration, number, cancellationToken);
            if (accepted is { } retryAfter)
            {
                return retryAfter;
            }

            await WriteEventAsync(EventSeverity.Info, $"Connected to the backend {Shown(backend)} as {backend.ChargeBoxId}.", cancellationToken);
            await HeartbeatsAsync(connection, cancellationToken);
            var reason = connection.CloseStatus is { } closeStatus ? $"closed by the backend: {closeStatus} {connection.CloseStatusDescription}".TrimEnd() : "the connection broke";
            OcppHostLog.ConnectionLost(_logger, Shown(backend), reason);
            await WriteEventAsync(EventSeverity.Warning, $"The connection to the backend {Shown(backend)} ended ({reason}); the controller reconnects and keeps transaction messages until then.", CancellationToken.None);
            return null;
        }
        finally
        {
            Session.Publish(null);
            status.Report(BackendLinkStatus.Disconnected);
            if (connection.IsOpen && !cancellationToken.IsCancellationRequested)
            {
                await connection.CloseAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            }

            await runCts.CancelAsync();
            await run;
            await connection.DisposeAsync();
        }
    }

    /// <summary>
    /// BootNotification until the backend accepts (Pending: again after its interval, answering its CALLs meanwhile;
    /// Rejected: the link is dropped until the interval has passed). Null when accepted, else how long to wait.
    /// </summary>
    private async Task<TimeSpan?> RegisterAsync(OcppConnection connection, OcppBackendSettings backend, string registration, long number, CancellationToken cancellationToken)
    {
        bool bootNeeded;
        lock (_lock)
        {
            bootNeeded = _bootRequested || _registeredAs != registration;
            _bootRequested = false;
        }

        if (!bootNeeded)
        {
            Session.Publish(new CsmsSession(connection, Accepted: true, Booted: false, number));
            status.Report(BackendLinkStatus.Connected);
            return null;
        }

        Session.Publish(new CsmsSession(connection, Accepted: false, Booted: false, number));
        while (connection.IsOpen)
        {
            lock (_lock)
            {
                _bootRequested = false;
                _heartbeatRequested = false; // nothing but BootNotification before the backend accepts
            }

            BootNotificationResponse answer;
            try
            {
                answer = await connection.CallAsync(Boot(), options.CallTimeout, cancellationToken);
            }
            catch (Exception ex) when (ex is TimeoutException or OcppCallErrorException or OcppProtocolException)
            {
                OcppHostLog.CallFailed(_logger, "BootNotification", ex.Message);
                await WaitOrTriggeredAsync(options.BootRetryInterval, connection, cancellationToken);
                continue;
            }
            catch (OcppConnectionClosedException)
            {
                break;
            }

            var interval = answer.Interval > 0 ? TimeSpan.FromSeconds(answer.Interval) : options.BootRetryInterval;
            OcppHostLog.BootAnswered(_logger, Shown(backend), answer.Status.ToString(), answer.Interval);
            switch (answer.Status)
            {
                case RegistrationStatus.Accepted:
                    lock (_lock)
                    {
                        _registeredAs = registration;
                        _bootInterval = answer.Interval > 0 ? interval : null;
                    }

                    Session.Publish(new CsmsSession(connection, Accepted: true, Booted: true, number));
                    status.Report(BackendLinkStatus.Connected);
                    return null;
                case RegistrationStatus.Pending:
                    status.Report(BackendLinkStatus.Connecting);
                    await WaitOrTriggeredAsync(interval, connection, cancellationToken);
                    break;
                default:
                    status.Report(BackendLinkStatus.Rejected);
                    await WriteEventAsync(EventSeverity.Warning, $"The backend {Shown(backend)} rejected the registration of {backend.ChargeBoxId}; the controller asks again in {interval.TotalSeconds:0} s.", cancellationToken);
                    return interval;
            }
        }

        throw new OcppConnectionClosedException("the backend closed the connection before it accepted the registration");
    }

    /// <summary>Heartbeats after HeartbeatInterval without any message sent (or when triggered) until the connection ends.</summary>
    private async Task HeartbeatsAsync(OcppConnection connection, CancellationToken cancellationToken)
    {
        while (connection.IsOpen)
        {
            bool triggered;
            lock (_lock)
            {
                triggered = _heartbeatRequested || _bootRequested;
            }

            var due = (connection.LastSentAt ?? time.GetUtcNow()) + HeartbeatInterval;
            var now = time.GetUtcNow();
            if (!triggered && now < due)
            {
                await WaitOrTriggeredAsync(due - now, connection, cancellationToken);
                continue;
            }

            bool boot;
            lock (_lock)
            {
                boot = _bootRequested;
                _bootRequested = false;
                _heartbeatRequested = false;
            }

            try
            {
                if (boot)
                {
                    await connection.CallAsync(Boot(), options.CallTimeout, cancellationToken);
                }
                else
                {
                    await connection.CallAsync(new HeartbeatRequest(), options.CallTimeout, cancellationToken);
                    status.Report(BackendLinkStatus.Connected, time.GetUtcNow());
                }
            }
            catch (Exception ex) when (ex is TimeoutException or OcppCallErrorException or OcppProtocolException)
            {
                OcppHostLog.CallFailed(_logger, boot ? "BootNotification" : "Heartbeat", ex.Message);
            }
            catch (OcppConnectionClosedException)
            {
                return;
            }
        }
    }

    private BootNotificationRequest Boot() => new()
    {
        ChargePointVendor = Vendor,
        ChargePointModel = Model,
        ChargePointSerialNumber = Truncate(identity.Serial, 25),
        ChargeBoxSerialNumber = Truncate(identity.Serial, 25),
        FirmwareVersion = Truncate(version.Version, 50),
    };

    private OcppClientOptions ClientOptions(OcppBackendSettings backend, OcppChargePointSettings configuration)
    {
        var profile = (OcppSecurityProfile)backend.SecurityProfile;
        var ping = TimeSpan.FromSeconds(configuration.WebSocketPingIntervalSeconds);
        return new OcppClientOptions
        {
            Endpoint = new Uri(backend.Url!),
            ChargeBoxIdentity = backend.ChargeBoxId!,
            SecurityProfile = profile,
            BasicAuthPassword = profile is OcppSecurityProfile.BasicAuth or OcppSecurityProfile.TlsWithBasicAuth && backend.AuthorizationKey is { Length: > 0 } key
                ? OcppBasicAuth.PasswordFromAuthorizationKey(key)
                : null,
            CentralSystemRootCertificates = profile >= OcppSecurityProfile.TlsWithBasicAuth || backend.Url!.StartsWith("wss:", StringComparison.OrdinalIgnoreCase) ? certificates.CentralSystemRoots() : [],
            ClientCertificate = profile == OcppSecurityProfile.TlsWithClientCertificate ? certificates.ClientCertificate() : null,
            KeepAliveInterval = ping,
            KeepAliveTimeout = ping > TimeSpan.Zero ? ping * 2 : Timeout.InfiniteTimeSpan,
            ConnectTimeout = options.ConnectTimeout,
        };
    }

    private void OnSettingsChanged(SettingsChange change)
    {
        if (change.Area != OcppBackendSettings.Key && change.Area != SettingsChange.LoadedArea)
        {
            Wake();
            return;
        }

        var before = change.Before.Get<OcppBackendSettings>();
        var after = change.After.Get<OcppBackendSettings>();
        if (ConnectionOf(before) != ConnectionOf(after))
        {
            Reconnect(boot: false);
        }

        if (change.Area != SettingsChange.LoadedArea && (before.SecurityProfile != after.SecurityProfile || before.AuthorizationKey != after.AuthorizationKey))
        {
            var what = before.SecurityProfile != after.SecurityProfile
                ? FormattableString.Invariant($"security profile {before.SecurityProfile} → {after.SecurityProfile}")
                : "authorization key changed";
            _ = RaiseAsync(SecurityEvents.ReconfigurationOfSecurityParameters, what);
        }

        Wake();
    }

    /// <summary>What the connection depends on: a change of any of it means connecting again.</summary>
    private static (bool, string?, string?, int, string?) ConnectionOf(OcppBackendSettings s) => (s.Enabled, s.Url, s.ChargeBoxId, s.SecurityProfile, s.AuthorizationKey);

    /// <summary>A registration stands for an endpoint and identity: another one needs a BootNotification.</summary>
    private static string RegistrationKey(OcppBackendSettings s) => $"{s.Url}|{s.ChargeBoxId}";

    private TimeSpan Backoff(int failures)
    {
        var exponent = Math.Min(failures - 1, 16);
        var baseMs = Math.Min(options.ReconnectMaxDelay.TotalMilliseconds, options.ReconnectMinDelay.TotalMilliseconds * Math.Pow(2, exponent));
        return TimeSpan.FromMilliseconds(baseMs * (0.5 + Random.Shared.NextDouble()));
    }

    private void Wake()
    {
        TaskCompletionSource wake;
        lock (_lock)
        {
            wake = _wake;
            _wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        wake.TrySetResult();
    }

    private Task WakeSignal()
    {
        lock (_lock)
        {
            return _wake.Task;
        }
    }

    /// <summary>Waits <paramref name="delay"/> or until woken (a setting changed, a trigger).</summary>
    private async Task WaitAsync(TimeSpan delay, Task wake, CancellationToken cancellationToken)
    {
        if (delay == TimeSpan.Zero)
        {
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delayTask = delay == Timeout.InfiniteTimeSpan ? Task.Delay(Timeout.Infinite, stop.Token) : Task.Delay(delay, time, stop.Token);
        await Task.WhenAny(delayTask, wake);
        await stop.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }

    private async Task WaitOrTriggeredAsync(TimeSpan delay, OcppConnection connection, CancellationToken cancellationToken)
    {
        var wake = WakeSignal();
        lock (_lock)
        {
            if (_bootRequested || _heartbeatRequested)
            {
                return;
            }
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await Task.WhenAny(Task.Delay(delay, time, stop.Token), wake, connection.Completion);
        await stop.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }

    private async Task WriteEventAsync(EventSeverity severity, string message, CancellationToken cancellationToken)
    {
        try
        {
            await events.WriteAsync(severity, EventSource, message, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            OcppHostLog.StepFailed(_logger, "the event log", ex);
        }
    }

    /// <summary>TC_078: a server certificate that fails the check raises InvalidCentralSystemCertificate (once until a connection succeeds).</summary>
    private async Task CertificateFailureAsync(Exception ex, CancellationToken cancellationToken)
    {
        if (ex is not OcppConnectException { Failure: OcppConnectFailure.InvalidServerCertificate } || _certificateRejected)
        {
            return;
        }

        _certificateRejected = true;
        await RaiseAsync(SecurityEvents.InvalidCentralSystemCertificate, ex.Message, cancellationToken);
    }

    private async Task RaiseAsync(string type, string techInfo, CancellationToken cancellationToken = default)
    {
        try
        {
            await securityEvents.RaiseAsync(type, techInfo, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            OcppHostLog.StepFailed(_logger, "a security event", ex);
        }
    }

    private static string Shown(OcppBackendSettings backend) => BackendLinkStatus.WithoutUserInfo(backend.Url) ?? "";

    private static string? Truncate(string? text, int max) => text is null ? null : text.Length <= max ? text : text[..max];
}
