using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using OpenCpm.Data;
using OpenCpm.Hosting;

namespace OpenCpm.Security;

/// <summary>
/// The web UI certificate (manual 8.1.5, WebUI certificates): a .pfx uploaded with its password is checked
/// (<see cref="WebUiCertificateCheck"/>), kept owner-only, and served at once — Kestrel rebinds its HTTPS endpoints
/// (<see cref="KestrelEndpoints"/>), no restart — and the change counts only once an HTTPS address of this controller
/// presents it; else the certificate before is put back and the reason given. HTTP stays on, so a certificate a
/// browser does not trust never locks anyone out; the one before can be taken back, or HTTPS turned off.
/// </summary>
internal sealed class WebUiCertificates(
    WebUiCertificateFiles files, KestrelEndpoints endpoints, IServer server, EventLog events, TimeProvider time, ILogger<WebUiCertificates> logger)
    : IHostedService, IDisposable
{
    public const string EventSource = "certificates";

    /// <summary>How long Kestrel has to serve a new certificate before it is taken back.</summary>
    public static readonly TimeSpan ServeTimeout = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _changing = new(1, 1);

    public WebUiCertificateStatus Status()
    {
        var state = files.ReadState();
        var now = time.GetUtcNow();
        var active = endpoints.CertificatePath is { } path ? files.Inspect(Path.GetFileName(path), now).Info : null;
        var previous = state.Previous is { } name && name != Path.GetFileName(endpoints.CertificatePath) ? files.Inspect(name, now).Info : null;
        return new WebUiCertificateStatus(active, previous, HttpsAddresses(), endpoints.HttpsPort);
    }

    /// <summary>Checks the .pfx and serves HTTPS with it; the certificate in use so far becomes the way back.</summary>
    public async Task<WebUiCertificateOutcome> InstallAsync(byte[] pfx, string? password, string actor, CancellationToken cancellationToken)
    {
        var candidate = WebUiCertificateCheck.Check(pfx, password, time.GetUtcNow());
        if (candidate.Problem is { } problem)
        {
            await events.WarningAsync(EventSource, $"A web UI certificate from {actor} was refused, nothing was changed: {problem}", cancellationToken);
            return WebUiCertificateOutcome.Refused(problem);
        }

        var name = files.Add(candidate.Pfx!, time.GetUtcNow());
        var outcome = await SwitchAsync(name, candidate.Info!.Thumbprint, cancellationToken);
        if (outcome.Done)
        {
            await events.InfoAsync(EventSource, $"{actor} installed the web UI certificate for {Names(candidate.Info)} (valid until {candidate.Info.NotAfter:yyyy-MM-dd}); HTTPS serves it.", cancellationToken);
        }
        else
        {
            File.Delete(files.PathOf(name));
            await events.WarningAsync(EventSource, $"A web UI certificate from {actor} was not put in use, the one before stays: {outcome.Problem}", cancellationToken);
        }

        return outcome;
    }

    /// <summary>Serves the certificate before the current one again.</summary>
    public async Task<WebUiCertificateOutcome> UsePreviousAsync(string actor, CancellationToken cancellationToken)
    {
        var state = files.ReadState();
        if (state.Previous is not { } previous || files.Inspect(previous, time.GetUtcNow()) is not { Info: { } info, Problem: null })
        {
            return WebUiCertificateOutcome.Refused("There is no usable certificate before this one.");
        }

        var outcome = await SwitchAsync(previous, info.Thumbprint, cancellationToken);
        if (outcome.Done)
        {
            await events.InfoAsync(EventSource, $"{actor} went back to the web UI certificate for {Names(info)}.", cancellationToken);
        }

        return outcome;
    }

    /// <summary>Stops HTTPS: the web UI answers over HTTP only (the certificate is kept as the way back).</summary>
    public async Task<WebUiCertificateOutcome> RemoveAsync(string actor, CancellationToken cancellationToken)
    {
        var outcome = await SwitchAsync(null, null, cancellationToken);
        await events.InfoAsync(EventSource, $"{actor} turned HTTPS off: the web UI answers over HTTP only.", cancellationToken);
        return outcome;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var problem in files.StartProblems)
        {
            WebUiCertificateLog.NotUsed(logger, problem);
            await events.WarningAsync(EventSource, $"A web UI certificate was not used at start: {problem}", cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _changing.Dispose();

    private async Task<WebUiCertificateOutcome> SwitchAsync(string? name, string? thumbprint, CancellationToken cancellationToken)
    {
        if (!await _changing.WaitAsync(0, cancellationToken))
        {
            return WebUiCertificateOutcome.Refused("Another change of the certificate is under way.");
        }

        try
        {
            var state = files.ReadState();
            var before = endpoints.CertificatePath;
            endpoints.Use(name is null ? null : files.PathOf(name));
            if (thumbprint is not null && !await ServedAsync(thumbprint, cancellationToken))
            {
                endpoints.Use(before);
                var problem = FormattableString.Invariant(
                    $"HTTPS did not start with it within {ServeTimeout.TotalSeconds:0} s (is port {endpoints.HttpsPort} free? the log says why).");
                WebUiCertificateLog.NotServed(logger, problem);
                return WebUiCertificateOutcome.Refused(problem);
            }

            var current = before is null ? null : Path.GetFileName(before);
            files.WriteState(new WebUiCertificateState
            {
                Active = name,
                Previous = current is not null && current != name ? current : state.Previous is { } p && p != name ? p : null,
            });
            WebUiCertificateLog.Switched(logger, name ?? "none");
            return WebUiCertificateOutcome.Ok;
        }
        finally
        {
            _changing.Release();
        }
    }

    /// <summary>Whether every HTTPS address presents the certificate with <paramref name="thumbprint"/> before <see cref="ServeTimeout"/>.</summary>
    private async Task<bool> ServedAsync(string thumbprint, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + ServeTimeout;
        while (time.GetUtcNow() < deadline)
        {
            var addresses = HttpsAddresses();
            if (addresses.Count > 0)
            {
                var served = true;
                foreach (var address in addresses)
                {
                    served &= await TlsProbe.PresentsAsync(address, thumbprint, cancellationToken);
                }

                if (served)
                {
                    return true;
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), time, cancellationToken);
        }

        return false;
    }

    private List<string> HttpsAddresses() =>
        [.. (server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []).ToList().Where(a => a.StartsWith("https:", StringComparison.OrdinalIgnoreCase))];

    private static string Names(WebUiCertificateInfo info) => info.Names.Count > 0 ? string.Join(", ", info.Names) : info.Subject;
}
