using OpenCpm.Data;

namespace OpenCpm.Api;

/// <summary>The optional body of a charge point action (the RFID tag to start or stop with).</summary>
internal sealed record ActionRequest(string? IdTag)
{
    /// <summary>What is wrong with the idTag (an OCPP idTag: 1 to 20 printable ASCII characters), or null.</summary>
    public string? Problem() =>
        IdTag is { Length: > 0 } tag && !AuthorizationSettings.IsIdTag(tag)
            ? FormattableString.Invariant($"'idTag' must be 1 to {AuthorizationSettings.MaxIdTagLength} printable ASCII characters without spaces (an OCPP idTag) but has {tag.Length} characters.")
            : null;
}
