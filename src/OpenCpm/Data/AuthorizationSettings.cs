using OpenCpm.Core.Authorization;

namespace OpenCpm.Data;

/// <summary>Whether charging needs an RFID card, and how cards are checked online and offline (manual, Device settings).</summary>
internal sealed record AuthorizationSettings : ISettingsDocument<AuthorizationSettings>
{
    public const int MaxIdTagLength = 20;

    public static string Key => "authorization";

    public static AuthorizationSettings Default { get; } = new();

    public bool Enabled { get; init; }

    public OnlineAuthorizationMode OnlineMode { get; init; } = OnlineAuthorizationMode.FirstLocal;

    public OfflineAuthorizationMode OfflineMode { get; init; } = OfflineAuthorizationMode.OfflineLocalAuthorization;

    /// <summary>The id tag used for sessions while authorization is off (empty = none).</summary>
    public string? PredefinedToken { get; init; }

    /// <summary>The settings as the Core policy takes them (a predefined token that is not a valid idTag counts as none).</summary>
    public Core.Authorization.AuthorizationSettings ToPolicy() => new()
    {
        Enabled = Enabled,
        OnlineMode = OnlineMode,
        OfflineMode = OfflineMode,
        PredefinedToken = CardUid.TryParse(PredefinedToken, out var token) ? token : null,
    };

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!Enum.IsDefined(OnlineMode))
        {
            errors.Add(FormattableString.Invariant($"The online authorization mode {(int)OnlineMode} is unknown."));
        }

        if (!Enum.IsDefined(OfflineMode))
        {
            errors.Add(FormattableString.Invariant($"The offline authorization mode {(int)OfflineMode} is unknown."));
        }

        if (PredefinedToken is { Length: > MaxIdTagLength })
        {
            errors.Add(FormattableString.Invariant($"The predefined token may have at most {MaxIdTagLength} characters (an OCPP idTag) but has {PredefinedToken.Length}."));
        }
        else if (PredefinedToken is { Length: > 0 } token && !IsIdTag(token))
        {
            errors.Add("The predefined token must consist of printable ASCII characters without spaces (an OCPP idTag).");
        }

        return errors;
    }

    /// <summary>An OCPP idTag: 1 to <see cref="MaxIdTagLength"/> printable ASCII characters without spaces.</summary>
    public static bool IsIdTag(string tag) => tag.Length is > 0 and <= MaxIdTagLength && tag.All(c => c is > ' ' and <= '~');
}
