namespace OpenCpm.Data;

/// <summary>The connection to the OCPP backend (CSMS): the controller is one charge point there, its stations connectors.</summary>
internal sealed record OcppBackendSettings : ISettingsDocument<OcppBackendSettings>
{
    public const int MaxChargeBoxIdLength = 48;

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

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Url is { Length: > 0 } url)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "ws" && uri.Scheme != "wss"))
            {
                errors.Add($"The backend URL must be an absolute ws:// or wss:// URL but is \"{url}\".");
            }
            else if (SecurityProfile >= 2 && uri.Scheme != "wss")
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

        if (SecurityProfile is < 0 or > 3)
        {
            errors.Add(FormattableString.Invariant($"The security profile must be 0..3 but is {SecurityProfile}."));
        }

        if (SecurityProfile is 1 or 2 && Enabled && string.IsNullOrEmpty(AuthorizationKey))
        {
            errors.Add(FormattableString.Invariant($"Security profile {SecurityProfile} needs an authorization key (the basic-auth password)."));
        }

        if (HeartbeatIntervalSeconds is < 10 or > 86400)
        {
            errors.Add(FormattableString.Invariant($"The heartbeat interval must be 10..86400 s but is {HeartbeatIntervalSeconds} s."));
        }

        return errors;
    }
}
