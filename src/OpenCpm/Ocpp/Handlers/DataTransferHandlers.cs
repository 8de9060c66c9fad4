using OpenCpm.Protocols.Ocpp;
using OpenCpm.Protocols.Ocpp.V16;

namespace OpenCpm.Ocpp.Handlers;

/// <summary>DataTransfer: the controller has no vendor extensions, so every vendorId is unknown (OCTT TC_062).</summary>
internal sealed class DataTransferHandlers : IOcppHandlers
{
    public void Register(OcppRouter router)
    {
        ArgumentNullException.ThrowIfNull(router);
        router.On<DataTransferRequest, DataTransferResponse>(_ => new DataTransferResponse { Status = DataTransferStatus.UnknownVendorId });
    }
}
