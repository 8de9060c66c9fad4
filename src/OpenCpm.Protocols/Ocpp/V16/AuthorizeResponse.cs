namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>Authorize.conf: the answer to <see cref="AuthorizeRequest"/>.</summary>
public sealed record AuthorizeResponse
{
    public required IdTagInfo IdTagInfo { get; init; }
}
