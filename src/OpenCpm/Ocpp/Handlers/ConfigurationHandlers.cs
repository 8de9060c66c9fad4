using OpenCpm.Protocols.Ocpp;
using OpenCpm.Protocols.Ocpp.V16;

namespace OpenCpm.Ocpp.Handlers;

/// <summary>GetConfiguration and ChangeConfiguration (<see cref="OcppConfiguration"/>).</summary>
internal sealed class ConfigurationHandlers(OcppConfiguration configuration, ILogger<ConfigurationHandlers> logger) : IOcppHandlers
{
    public void Register(OcppRouter router)
    {
        ArgumentNullException.ThrowIfNull(router);
        router.On<GetConfigurationRequest, GetConfigurationResponse>(request => configuration.Get(request.Key));
        router.On<ChangeConfigurationRequest, ChangeConfigurationResponse>(ChangeAsync);
    }

    private async ValueTask<ChangeConfigurationResponse> ChangeAsync(ChangeConfigurationRequest request, OcppCallContext context)
    {
        var (status, apply, afterAnswer) = configuration.Prepare(request.Key, request.Value);
        if (apply is null)
        {
            return new ChangeConfigurationResponse { Status = status };
        }

        if (afterAnswer)
        {
            // The change reconnects the link: the answer goes out on the connection that asked first.
            _ = ApplyAfterAsync(context.ReplySent, apply);
            return new ChangeConfigurationResponse { Status = status };
        }

        return new ChangeConfigurationResponse { Status = await apply(context.CancellationToken) ? status : ConfigurationStatus.Rejected };
    }

    private async Task ApplyAfterAsync(Task replySent, Func<CancellationToken, Task<bool>> apply)
    {
        try
        {
            await replySent;
            await apply(CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            OcppHostLog.StepFailed(logger, "a configuration change", ex);
        }
    }
}
