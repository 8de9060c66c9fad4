namespace OpenCpm.Protocols.Ocpp;

/// <summary>
/// Typed handlers for incoming CALLs, one per request record. A CALL of an action the version does not know is answered
/// NotImplemented by the connection, a known action without a handler NotSupported. A handler answers a CALLERROR by
/// throwing <see cref="OcppCallErrorException"/>; any other exception becomes InternalError (and is logged).
/// </summary>
public sealed class OcppRouter
{
    private readonly Dictionary<Type, Func<object, OcppCallContext, ValueTask<object>>> _handlers = [];

    public OcppRouter On<TRequest, TResponse>(Func<TRequest, OcppCallContext, ValueTask<TResponse>> handler)
        where TRequest : class, IOcppRequest<TResponse>
        where TResponse : class
    {
        ArgumentNullException.ThrowIfNull(handler);
        _handlers[typeof(TRequest)] = async (request, context) => await handler((TRequest)request, context);
        return this;
    }

    public OcppRouter On<TRequest, TResponse>(Func<TRequest, TResponse> handler)
        where TRequest : class, IOcppRequest<TResponse>
        where TResponse : class
    {
        ArgumentNullException.ThrowIfNull(handler);
        _handlers[typeof(TRequest)] = (request, _) => ValueTask.FromResult<object>(handler((TRequest)request));
        return this;
    }

    public bool Handles(Type requestType) => _handlers.ContainsKey(requestType);

    internal Func<object, OcppCallContext, ValueTask<object>>? Find(Type requestType) => _handlers.GetValueOrDefault(requestType);
}
