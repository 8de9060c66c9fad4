namespace OpenCpm.Core.Authorization;

/// <summary>
/// The outcome of changing or importing a card list: either the new list, or the errors (sentences naming the card or
/// line and the field) with the old list left as it was. <see cref="IsVersionMismatch"/> marks a differential OCPP
/// update whose version is not newer than the list's (SendLocalList answers VersionMismatch, not Failed).
/// </summary>
public sealed record CardListResult
{
    private CardListResult(CardList? list, IReadOnlyList<string> errors, bool isVersionMismatch)
    {
        List = list;
        Errors = errors;
        IsVersionMismatch = isVersionMismatch;
    }

    public CardList? List { get; }

    public IReadOnlyList<string> Errors { get; }

    public bool IsVersionMismatch { get; }

    public bool Succeeded => List is not null;

    /// <summary>The new list, or an <see cref="InvalidOperationException"/> with the first error.</summary>
    public CardList Value => List ?? throw new InvalidOperationException(Errors[0]);

    internal static CardListResult Success(CardList list) => new(list, [], false);

    internal static CardListResult Failure(IReadOnlyList<string> errors) => new(null, errors, false);

    internal static CardListResult Failure(string error) => new(null, [error], false);

    internal static CardListResult VersionMismatch(string error) => new(null, [error], true);
}
