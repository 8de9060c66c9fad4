using OpenCpm.Diagnostics;
using OpenCpm.Protocols.Ocpp;
using OpenCpm.Protocols.Ocpp.V16;

namespace OpenCpm.Ocpp.Handlers;

/// <summary>GetLog (security whitepaper): the diagnostics or the security log, uploaded by <see cref="LogUploads"/> after the answer.</summary>
internal sealed class LogHandlers(LogUploads logs) : IOcppHandlers
{
    public void Register(OcppRouter router)
    {
        ArgumentNullException.ThrowIfNull(router);
        router.On<GetLogRequest, GetLogResponse>((request, context) => ValueTask.FromResult(logs.Start(request, context.ReplySent)));
    }
}
