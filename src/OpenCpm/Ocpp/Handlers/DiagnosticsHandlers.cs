using OpenCpm.Diagnostics;
using OpenCpm.Protocols.Ocpp;
using OpenCpm.Protocols.Ocpp.V16;

namespace OpenCpm.Ocpp.Handlers;

/// <summary>GetDiagnostics (FirmwareManagement profile): answered with the archive's file name, uploaded by <see cref="DiagnosticsUploads"/> after the answer.</summary>
internal sealed class DiagnosticsHandlers(DiagnosticsUploads diagnostics) : IOcppHandlers
{
    public void Register(OcppRouter router)
    {
        ArgumentNullException.ThrowIfNull(router);
        router.On<GetDiagnosticsRequest, GetDiagnosticsResponse>((request, context) =>
            ValueTask.FromResult(new GetDiagnosticsResponse { FileName = diagnostics.Start(request, context.ReplySent) }));
    }
}
