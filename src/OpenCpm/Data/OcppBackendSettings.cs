using OpenCpm.Security;

namespace OpenCpm.Data;

/// <summary>The connection to the OCPP backend (CSMS): the controller is one charge point there, its stations connectors.</summary>
internal sealed record OcppBackendSettings : ISettingsDocument<OcppBackendSettings>
{
    public const int MaxChargeBoxIdLength = 48;

    /// <summary>Characters of a charge box id besides ASCII letters and digits (OCPP 2.0.1's identifierString).</summary>
    public const string ChargeBoxIdPunctuation = "*-_=:+|@.";

    public const int MaxUrlLength = 512;

    /// <summary>The basic-auth password: 16 to 40 printable ASCII characters (OCPP security whitepaper).</summary>
    public const int MinAuthorizationKeyLength = 16;

    public const int MaxAuthorizationKeyLength = 40;

    public static string Key => "ocpp";

    public static OcppBackendSettings Default { get; } = new();

    public bool Enabled { get; init; }

    /// <summary>The CSMS endpoint (ws:// or wss://); the charge box id is appended as the last path segment.</summary>
    public string? Url { get; init; }

    public string? ChargeBoxId { get; init; }

    /// <summary>OCPP security profile: 0 none, 1 basic auth over ws, 2 basic auth over TLS, 3 client certificate.</summary>
    public int SecurityProfile { get; init; }

    /// <summary>The HTTP basic-auth password (OCPP AuthorizationKey). A secret: write-only in the API, never logged.</summary>
    public string? AuthorizationKey { get; init; }

    public int HeartbeatIntervalSeconds { get; init; } = 300;

    public const int MaxCpoNameLength = 64;

    /// <summary>The charge point operator's name (whitepaper key CpoName): the O= of the charge point certificate's signing request.</summary>
    public string? CpoName { get; init; }

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Url is { Length: > 0 } url)
        {
            if (UrlProblem(url) is { } problem)
            {
                errors.Add(problem);
            }
            else if (SecurityProfile >= 2 && !url.StartsWith("wss://", StringComparison.OrdinalIgnoreCase))
            {
                errors.Add(FormattableString.Invariant($"Security profile {SecurityProfile} needs a wss:// backend URL but it is \"{url}\"."));
            }
        }
        else if (Enabled)
        {
            errors.Add("The backend URL must be given when the backend connection is enabled.");
        }

        if (Enabled && string.IsNullOrWhiteSpace(ChargeBoxId))
        {
            errors.Add("The charge box id must be given when the backend connection is enabled.");
        }
        else if (ChargeBoxId is { Length: > MaxChargeBoxIdLength })
        {
            errors.Add(FormattableString.Invariant($"The charge box id may have at most {MaxChargeBoxIdLength} characters but has {ChargeBoxId.Length}."));
        }
        else if (ChargeBoxId is { Length: > 0 } id && (!id.All(c => char.IsAsciiLetterOrDigit(c) || ChargeBoxIdPunctuation.Contains(c, StringComparison.Ordinal)) || id.All(c => c == '.')))
        {
            errors.Add($"The charge box id must consist of letters, digits and \"{ChargeBoxIdPunctuation}\" (it is the last segment of the backend URL) but is \"{LogText.Escape(id)}\".");
        }

        if (AuthorizationKey is { Length: > 0 } key
            && (key.Length is < MinAuthorizationKeyLength or > MaxAuthorizationKeyLength || !key.All(c => c is > ' ' and <= '~')))
        {
            errors.Add(FormattableString.Invariant($"The authorization key must be {MinAuthorizationKeyLength} to {MaxAuthorizationKeyLength} printable ASCII characters without spaces."));
        }

        if (SecurityProfile is < 0 or > 3)
        {
            errors.Add(FormattableString.Invariant($"The security profile must be 0..3 but is {SecurityProfile}."));
        }

        if (SecurityProfile is 1 or 2 && Enabled && string.IsNullOrEmpty(AuthorizationKey))
        {
            errors.Add(FormattableString.Invariant($"Security profile {SecurityProfile} needs an authorization key (the basic-auth password)."));
        }

        if (CpoName is { Length: > MaxCpoNameLength })
        {
            errors.Add(FormattableString.Invariant($"The CPO name may have at most {MaxCpoNameLength} characters but has {CpoName.Length}."));
        }
        else if (CpoName is { } cpo && cpo.Any(char.IsControl))
        {
            errors.Add("The CPO name must not contain control characters.");
        }

        if (HeartbeatIntervalSeconds is < 10 or > 86400)
        {
            errors.Add(FormattableString.Invariant($"The heartbeat interval must be 10..86400 s but is {HeartbeatIntervalSeconds} s."));
        }

        return errors;
    }

    /// <summary>
    /// Null when <paramref name="url"/> is an absolute ws:// or wss:// URL without user, password or fragment, else
    /// why not (a URL with a password is never repeated back).
    /// </summary>
    public static string? UrlProblem(string url)
    {
        var shown = url.Contains('@', StringComparison.Ordinal) ? "" : $" but is \"{LogText.Escape(url)}\"";
        if (url.Length > MaxUrlLength)
        {
            return FormattableString.Invariant($"The backend URL may have at most {MaxUrlLength} characters but has {url.Length}.");
        }

        if (url.Any(c => c <= ' ' || c == '\u007F') || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "ws" && uri.Scheme != "wss"))
        {
            return $"The backend URL must be an absolute ws:// or wss:// URL{shown}.";
        }

        if (uri.UserInfo.Length > 0)
        {
            return "The backend URL must not contain a user name or password: the password is the authorization key.";
        }

        return url.Contains('#', StringComparison.Ordinal) ? $"The backend URL must not have a fragment ('#'){shown}." : null;
    }
}
