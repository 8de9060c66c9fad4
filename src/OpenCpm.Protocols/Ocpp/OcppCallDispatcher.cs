using Microsoft.Extensions.Logging;

namespace OpenCpm.Protocols.Ocpp;

/// <summary>
/// Turns one incoming CALL into its answer: NotImplemented for an action the version does not have, the schema's
/// CALLERROR for a bad payload, NotSupported when no handler is registered, the handler's own CALLERROR, InternalError
/// (logged) when the handler fails or its answer breaks the schema, and otherwise the CALLRESULT.
/// </summary>
internal sealed class OcppCallDispatcher(OcppRouter router, OcppActionSet actions, string connection, ILogger logger)
{
    public async Task<(OcppFrame Answer, OcppCallContext? Context)> AnswerAsync(OcppCall call, CancellationToken closing)
    {
        var action = actions.Find(call.Action);
        if (action is null)
        {
            return (Refuse(call.MessageId, call.Action, OcppErrorCode.NotImplemented, $"action '{call.Action}' is not an action of {actions.Subprotocol}"), null);
        }

        object request;
        try
        {
            request = OcppCodec.ReadPayload(call.Payload, action.RequestInfo, action.RequestContext);
        }
        catch (OcppProtocolException exception)
        {
            return (Refuse(call.MessageId, call.Action, exception.ErrorCode, exception.Message), null);
        }

        var handler = router.Find(action.RequestType);
        if (handler is null)
        {
            return (Refuse(call.MessageId, call.Action, OcppErrorCode.NotSupported, $"{action.Name} is not supported here"), null);
        }

        var context = new OcppCallContext(call.MessageId, action, closing);
        return (await InvokeAsync(handler, request, context), context);
    }

    public OcppCallError Refuse(string messageId, string action, OcppErrorCode code, string description)
    {
        OcppLog.RefusedCall(logger, connection, messageId, action, code, description);
        return OcppCallError.Create(messageId, code, description);
    }

    private async Task<OcppFrame> InvokeAsync(Func<object, OcppCallContext, ValueTask<object>> handler, object request, OcppCallContext context)
    {
        var action = context.Action;
        object response;
        try
        {
            response = await handler(request, context);
        }
        catch (OcppCallErrorException exception)
        {
            OcppLog.RefusedCall(logger, connection, context.MessageId, action.Name, exception.ErrorCode, exception.Description);
            return new OcppCallError(context.MessageId, exception.ErrorCode, exception.Description, exception.Details);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
        {
            OcppLog.HandlerFailed(logger, connection, action.Name, exception);
            return OcppCallError.Create(context.MessageId, OcppErrorCode.InternalError, $"{action.Name} could not be handled");
        }

        try
        {
            return new OcppCallResult(context.MessageId, OcppCodec.WritePayload(response, action.ResponseInfo, action.ResponseContext));
        }
        catch (OcppProtocolException exception)
        {
            OcppLog.InvalidOwnResponse(logger, connection, action.Name, exception.Message);
            return OcppCallError.Create(context.MessageId, OcppErrorCode.InternalError, $"{action.Name} could not be answered");
        }
    }
}
