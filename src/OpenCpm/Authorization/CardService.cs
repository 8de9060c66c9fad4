using System.Globalization;
using OpenCpm.Core.Authorization;
using OpenCpm.Data;
using OpenCpm.Live;
using OpenCpm.Settings;

namespace OpenCpm.Authorization;

/// <summary>
/// The local RFID card list (manual 9.2.2, at most 1,000 cards), the same for the REST API, the web UI and the OCPP
/// backend's SendLocalList: every change is made on the list as it is, validated as a whole by the Core
/// <see cref="CardList"/> (nothing of a refused change or import is stored), stored, written to the event log and
/// published on <see cref="Cards"/>. Reads come from memory.
/// </summary>
internal sealed class CardService(CardStore store, EventLog events, ILogger<CardService> logger) : IHostedLifecycleService, IDisposable
{
    public const string EventSource = "cards";

    private readonly SemaphoreSlim _lock = new(1, 1);
    private volatile bool _loaded;

    public LiveValue<CardList> Cards { get; } = new(CardList.Empty);

    public async Task<CardList> GetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Cards.Current;
    }

    public Task<SettingsOutcome<CardList>> AddAsync(Card card, string actor, CancellationToken cancellationToken) =>
        EditAsync(list => list.Add(card), actor, $"added {card.Describe()}", cancellationToken);

    public Task<SettingsOutcome<CardList>> ReplaceAsync(CardUid uid, Card card, string actor, CancellationToken cancellationToken) =>
        EditAsync(list => list.Find(uid) is null ? null : list.Replace(uid, card), actor, $"changed {card.Describe()}", cancellationToken, Missing(uid));

    public Task<SettingsOutcome<CardList>> RemoveAsync(CardUid uid, string actor, CancellationToken cancellationToken) =>
        EditAsync(list => list.Find(uid) is null ? null : list.Remove(uid), actor, $"removed card {uid}", cancellationToken, Missing(uid));

    /// <summary>Replaces the whole list with a CSV file's cards (all or nothing; errors name the line and the field).</summary>
    public Task<SettingsOutcome<CardList>> ImportCsvAsync(ReadOnlyMemory<byte> csv, string actor, CancellationToken cancellationToken) =>
        EditAsync(list => CardCsv.Import(csv.Span, list), actor, "imported the card list", cancellationToken, describe: l => string.Create(CultureInfo.InvariantCulture, $"imported the card list ({l.Count} cards)"));

    public async Task<string> ExportCsvAsync(CancellationToken cancellationToken) => CardCsv.Export(await GetAsync(cancellationToken));

    /// <summary>Replaces the list (OCPP SendLocalList Full) and takes the backend's version.</summary>
    public Task<SettingsOutcome<CardList>> ReplaceAllAsync(IEnumerable<Card> cards, int version, string actor, CancellationToken cancellationToken) =>
        EditAsync(list => list.ReplaceAll(cards, version), actor, "replaced the card list", cancellationToken);

    /// <summary>Adds, changes and removes cards (OCPP SendLocalList Differential) and takes the backend's version.</summary>
    public Task<SettingsOutcome<CardList>> UpdateAsync(IEnumerable<CardListChange> changes, int version, string actor, CancellationToken cancellationToken) =>
        EditAsync(list => list.Update(changes, version), actor, "updated the card list", cancellationToken);

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
                Cards.Publish(await store.LoadAsync(cancellationToken));
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

    private static string Missing(CardUid uid) => $"There is no card {uid} in the list.";

    /// <summary>
    /// Applies <paramref name="edit"/> to the list as it is now (null = the card named does not exist), stores a valid
    /// result, writes "<paramref name="actor"/> <paramref name="what"/>." to the event log.
    /// </summary>
    private async Task<SettingsOutcome<CardList>> EditAsync(
        Func<CardList, CardListResult?> edit,
        string actor,
        string what,
        CancellationToken cancellationToken,
        string? missing = null,
        Func<CardList, string>? describe = null)
    {
        await LoadAsync(cancellationToken);
        CardList saved;
        await _lock.WaitAsync(cancellationToken);
        try
        {
            var result = edit(Cards.Current);
            if (result is null)
            {
                return SettingsOutcome<CardList>.NotFound(missing ?? "There is no such card.");
            }

            if (!result.Succeeded)
            {
                return SettingsOutcome<CardList>.Invalid(result.Errors);
            }

            saved = result.Value;
            await store.SaveAsync(saved, cancellationToken);
            Cards.Publish(saved);
        }
        finally
        {
            _lock.Release();
        }

        try
        {
            await events.InfoAsync(EventSource, $"{actor} {describe?.Invoke(saved) ?? what}.", cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            AuthorizationLog.AuditFailed(logger, ex);
        }

        return SettingsOutcome<CardList>.Saved(saved, []);
    }
}
