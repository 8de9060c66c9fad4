using OpenCpm.Data;
using OpenCpm.Live;

namespace OpenCpm.Settings;

/// <summary>
/// The one way settings change, for every area (the charging network and each settings document), whoever edits —
/// the REST API, the web UI, discovery, the demo: an edit is a function applied to the current settings under one
/// lock, validated as a whole, stored, written to the audit trail and announced on <see cref="Changes"/> — so two
/// edits at the same moment never lose one another. Reads are served from memory.
/// </summary>
internal sealed class SettingsService(SettingsStore store, EventLog events, IServiceProvider services, ILogger<SettingsService> logger)
    : IHostedLifecycleService, IDisposable
{
    /// <summary>The event log source of settings changes.</summary>
    public const string AuditSource = "settings";

    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly LiveValue<SettingsChange> _changes = new(new SettingsChange("none", SettingsSnapshot.Empty, SettingsSnapshot.Empty));
    private volatile bool _loaded;

    /// <summary>Every saved change (the latest is current); subscribe to react to settings.</summary>
    public LiveValue<SettingsChange> Changes => _changes;

    /// <summary>The settings now (after <see cref="LoadAsync"/>; the host loads them before anything starts).</summary>
    public SettingsSnapshot Current => _changes.Current.After;

    public async Task<SettingsSnapshot> GetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Current;
    }

    public async Task<SiteConfiguration> GetSiteAsync(CancellationToken cancellationToken) => (await GetAsync(cancellationToken)).Site;

    public async Task<T> GetAsync<T>(CancellationToken cancellationToken)
        where T : class, ISettingsDocument<T> =>
        (await GetAsync(cancellationToken)).Get<T>();

    /// <summary>
    /// Applies <paramref name="edit"/> to the charging network as it is now and saves the result if the whole site is
    /// valid. <paramref name="actor"/> and <paramref name="what"/> make the audit line ("admin changed the clusters.");
    /// null <paramref name="what"/> = no audit line (the caller writes its own event).
    /// </summary>
    public Task<SettingsOutcome<SiteConfiguration>> UpdateSiteAsync(
        Func<SiteConfiguration, SettingsEdit<SiteConfiguration>> edit, string actor, string? what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edit);
        return UpdateAsync(
            SettingsChange.SiteArea,
            snapshot => edit(snapshot.Site),
            site => site.Validate(),
            (snapshot, site) => snapshot with { Site = site },
            (site, ct) => store.SaveSiteAsync(site, ct),
            actor,
            what,
            cancellationToken);
    }

    /// <summary>
    /// Applies <paramref name="edit"/> to a settings document and saves the result if it is valid (its own
    /// <c>Validate()</c> and every <see cref="ISettingsRule{TDocument}"/> registered for it).
    /// </summary>
    public Task<SettingsOutcome<T>> UpdateAsync<T>(Func<T, SettingsEdit<T>> edit, string actor, string? what, CancellationToken cancellationToken)
        where T : class, ISettingsDocument<T>
    {
        ArgumentNullException.ThrowIfNull(edit);
        return UpdateAsync(
            T.Key,
            snapshot => edit(snapshot.Get<T>()),
            document => new Core.LoadManagement.SettingsProblems([.. document.Validate(), .. services.GetServices<ISettingsRule<T>>().SelectMany(r => r.Check(document))], []),
            (snapshot, document) => snapshot.With(document),
            (document, ct) => store.SaveDocumentAsync(document, ct),
            actor,
            what,
            cancellationToken);
    }

    /// <summary>
    /// Applies <paramref name="edit"/> to several areas at once (a <see cref="SettingsBatch"/>): the network and every
    /// document it sets are validated together and saved in one transaction, or nothing is. Announced as a change of
    /// everything (<see cref="SettingsChange.LoadedArea"/>), so every area takes it in.
    /// </summary>
    public async Task<SettingsOutcome<SettingsSnapshot>> UpdateManyAsync(Action<SettingsBatch> edit, string actor, string? what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edit);
        await LoadAsync(cancellationToken);
        SettingsOutcome<SettingsSnapshot> outcome;
        await _lock.WaitAsync(cancellationToken);
        try
        {
            var before = Current;
            var batch = new SettingsBatch(before, services);
            edit(batch);
            var site = batch.Site.Validate();
            var errors = batch.Errors.Concat(site.Errors).ToList();
            if (errors.Count > 0)
            {
                return SettingsOutcome<SettingsSnapshot>.Invalid(errors);
            }

            await store.SaveManyAsync(ReferenceEquals(batch.Site, before.Site) ? null : batch.Site, batch.Documents, batch.Removed, cancellationToken);
            var after = batch.After;
            _changes.Publish(new SettingsChange(SettingsChange.LoadedArea, before, after));
            outcome = SettingsOutcome<SettingsSnapshot>.Saved(after, site.Warnings);
        }
        finally
        {
            _lock.Release();
        }

        if (what is not null)
        {
            await AuditAsync($"{actor} changed {what}.", cancellationToken);
        }

        return outcome;
    }

    /// <summary>Reads everything from the database once; later calls return at once.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (_loaded)
        {
            return;
        }

        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (!_loaded)
            {
                var loaded = await store.LoadAsync(cancellationToken);
                _changes.Publish(new SettingsChange(SettingsChange.LoadedArea, SettingsSnapshot.Empty, loaded));
                _loaded = true;
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _lock.Dispose();

    private async Task<SettingsOutcome<T>> UpdateAsync<T>(
        string area,
        Func<SettingsSnapshot, SettingsEdit<T>> edit,
        Func<T, Core.LoadManagement.SettingsProblems> validate,
        Func<SettingsSnapshot, T, SettingsSnapshot> apply,
        Func<T, CancellationToken, Task> save,
        string actor,
        string? what,
        CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        SettingsOutcome<T> outcome;
        await _lock.WaitAsync(cancellationToken);
        try
        {
            var before = Current;
            var edited = edit(before);
            if (edited.Missing is { } missing)
            {
                return SettingsOutcome<T>.NotFound(missing);
            }

            if (edited.Unchanged)
            {
                return SettingsOutcome<T>.Unchanged();
            }

            if (edited.Refused is { } refused)
            {
                return SettingsOutcome<T>.Invalid(refused);
            }

            var value = edited.Value!;
            var problems = validate(value);
            if (!problems.IsValid)
            {
                return SettingsOutcome<T>.Invalid(problems.Errors);
            }

            await save(value, cancellationToken);
            _changes.Publish(new SettingsChange(area, before, apply(before, value)));
            outcome = SettingsOutcome<T>.Saved(value, problems.Warnings);
        }
        finally
        {
            _lock.Release();
        }

        if (what is not null)
        {
            await AuditAsync($"{Security.LogText.Escape(actor)} changed {what}.", cancellationToken);
        }

        return outcome;
    }

    /// <summary>The audit line; the change is already saved, so a failing event log is logged, never the request's failure.</summary>
    private async Task AuditAsync(string message, CancellationToken cancellationToken)
    {
        try
        {
            await events.InfoAsync(AuditSource, message, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            SettingsLog.AuditFailed(logger, ex);
        }
    }
}
