namespace OpenCpm.Ocpp.Handlers;

/// <summary>
/// What TriggerMessage and ExtendedTriggerMessage share: a connector the request names must exist (0 = the charge
/// point), and the triggered message goes only after the answer is on the wire (OCPP 1.6 §5.17).
/// </summary>
internal static class TriggeredMessages
{
    public static bool NamesUnknownConnector(int? connectorId, int connectors) => connectorId is { } id && (id < 0 || id > connectors);

    /// <summary>Runs <paramref name="send"/> once <paramref name="replySent"/> completed; a failure is logged, never thrown.</summary>
    public static async Task SendAfterAnswerAsync(Task replySent, Func<Task> send, ILogger logger, string what)
    {
        try
        {
            await replySent;
            await send();
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex)
        {
            OcppHostLog.StepFailed(logger, what, ex);
        }
    }
}
