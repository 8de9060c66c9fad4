using System.Text.Json.Serialization.Metadata;

namespace OpenCpm.Protocols.Ocpp;

/// <summary>One OCPP action: its wire name, who calls it, its feature profile, and the records (with JSON metadata) of its request and response.</summary>
public sealed record OcppAction(
    string Name,
    OcppDirection Direction,
    OcppFeatureProfile Profile,
    JsonTypeInfo RequestInfo,
    JsonTypeInfo ResponseInfo)
{
    public Type RequestType => RequestInfo.Type;

    public Type ResponseType => ResponseInfo.Type;

    /// <summary>"BootNotification.req", the prefix of every error sentence about the request.</summary>
    public string RequestContext => Name + ".req";

    /// <summary>"BootNotification.conf", the prefix of every error sentence about the response.</summary>
    public string ResponseContext => Name + ".conf";

    /// <summary>A row whose request and response types are checked against each other by the compiler.</summary>
    public static OcppAction Of<TRequest, TResponse>(string name, OcppDirection direction, OcppFeatureProfile profile, JsonTypeInfo<TRequest> request, JsonTypeInfo<TResponse> response)
        where TRequest : IOcppRequest<TResponse>
        where TResponse : class => new(name, direction, profile, request, response);
}
