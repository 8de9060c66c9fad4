using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using OpenCpm.Protocols.Ocpp;
using OpenCpm.Protocols.Ocpp.V16;

namespace OpenCpm.Tests.Interop.OcppRpc;

/// <summary>
/// Our protocol layer as a charge point at the ocpp-rpc Central System: <see cref="OcppClient"/> + <see cref="OcppConnection"/>,
/// with a handler for every Central System → charge point action that records the typed request and gives a valid answer.
/// </summary>
internal sealed class InteropChargePoint : IAsyncDisposable
{
    private InteropChargePoint(string identity, OcppConnection connection, FakeTimeProvider time)
    {
        Identity = identity;
        Connection = connection;
        Time = time;
        Running = connection.RunAsync(CancellationToken.None);
    }

    public string Identity { get; }

    public OcppConnection Connection { get; }

    public FakeTimeProvider Time { get; }

    public Task Running { get; }

    public ConcurrentQueue<object> Received { get; } = new();

    public static async Task<InteropChargePoint> ConnectAsync(OcppRpcPeer peer, string identity, Func<OcppClientOptions, OcppClientOptions>? configure = null, OcppConnectionOptions? options = null)
    {
        var clientOptions = new OcppClientOptions { Endpoint = peer.Endpoint, ChargeBoxIdentity = identity };
        var socket = await OcppClient.ConnectAsync(configure?.Invoke(clientOptions) ?? clientOptions, cancellationToken: TestContext.Current.CancellationToken);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var router = new OcppRouter();
        var chargePoint = new InteropChargePoint(identity, new OcppConnection(socket, router, options ?? new OcppConnectionOptions { Name = identity }, time), time);
        chargePoint.Answer(router);
        return chargePoint;
    }

    public Task<TResponse> CallAsync<TResponse>(IOcppRequest<TResponse> request)
        where TResponse : class => Connection.CallAsync(request, TestContext.Current.CancellationToken);

    public T Last<T>() => Received.OfType<T>().Last();

    public async ValueTask DisposeAsync()
    {
        if (Connection.IsOpen)
        {
            await Connection.CloseAsync(cancellationToken: CancellationToken.None);
        }

        await Running;
        await Connection.DisposeAsync();
    }

    private void Answer(OcppRouter router)
    {
        On(router, (CancelReservationRequest _) => new CancelReservationResponse { Status = CancelReservationStatus.Accepted });
        On(router, (ChangeAvailabilityRequest _) => new ChangeAvailabilityResponse { Status = AvailabilityStatus.Scheduled });
        On(router, (ChangeConfigurationRequest r) => new ChangeConfigurationResponse { Status = r.Key == "HeartbeatInterval" ? ConfigurationStatus.Accepted : ConfigurationStatus.NotSupported });
        On(router, (ClearCacheRequest _) => new ClearCacheResponse { Status = ClearCacheStatus.Accepted });
        On(router, (ClearChargingProfileRequest _) => new ClearChargingProfileResponse { Status = ClearChargingProfileStatus.Unknown });
        On(router, (DataTransferRequest _) => new DataTransferResponse { Status = DataTransferStatus.UnknownVendorId });
        On(router, (GetCompositeScheduleRequest r) => new GetCompositeScheduleResponse
        {
            Status = GetCompositeScheduleStatus.Accepted, ConnectorId = r.ConnectorId, ScheduleStart = Time.GetUtcNow(),
            ChargingSchedule = new ChargingSchedule
            {
                Duration = r.Duration, StartSchedule = Time.GetUtcNow(), ChargingRateUnit = r.ChargingRateUnit ?? ChargingRateUnitType.A,
                ChargingSchedulePeriod = [new() { StartPeriod = 0, Limit = 8m }, new() { StartPeriod = 50, Limit = 10m }, new() { StartPeriod = 200, Limit = 6m }, new() { StartPeriod = 240, Limit = 10m }],
            },
        });
        On(router, (GetConfigurationRequest r) => new GetConfigurationResponse
        {
            ConfigurationKey = [new KeyValue { Key = "HeartbeatInterval", Readonly = false, Value = "300" }, new KeyValue { Key = "NumberOfConnectors", Readonly = true, Value = "20" }],
            UnknownKey = r.Key?.Where(k => k is not ("HeartbeatInterval" or "NumberOfConnectors")).ToList() is { Count: > 0 } unknown ? unknown : null,
        });
        On(router, (GetDiagnosticsRequest _) => new GetDiagnosticsResponse { FileName = "diagnostics.zip" });
        On(router, (GetLocalListVersionRequest _) => new GetLocalListVersionResponse { ListVersion = 0 });
        On(router, (RemoteStartTransactionRequest _) => new RemoteStartTransactionResponse { Status = RemoteStartStopStatus.Accepted });
        On(router, (RemoteStopTransactionRequest _) => new RemoteStopTransactionResponse { Status = RemoteStartStopStatus.Rejected });
        On(router, (ReserveNowRequest _) => new ReserveNowResponse { Status = ReservationStatus.Accepted });
        On(router, (ResetRequest _) => new ResetResponse { Status = ResetStatus.Accepted });
        On(router, (SendLocalListRequest _) => new SendLocalListResponse { Status = UpdateStatus.Accepted });
        On(router, (SetChargingProfileRequest _) => new SetChargingProfileResponse { Status = ChargingProfileStatus.Accepted });
        On(router, (TriggerMessageRequest _) => new TriggerMessageResponse { Status = TriggerMessageStatus.Accepted });
        On(router, (UnlockConnectorRequest _) => new UnlockConnectorResponse { Status = UnlockStatus.NotSupported });
        On(router, (UpdateFirmwareRequest _) => new UpdateFirmwareResponse());
        On(router, (CertificateSignedRequest _) => new CertificateSignedResponse { Status = CertificateSignedStatus.Rejected });
        On(router, (DeleteCertificateRequest _) => new DeleteCertificateResponse { Status = DeleteCertificateStatus.NotFound });
        On(router, (ExtendedTriggerMessageRequest _) => new ExtendedTriggerMessageResponse { Status = TriggerMessageStatus.NotImplemented });
        On(router, (GetInstalledCertificateIdsRequest _) => new GetInstalledCertificateIdsResponse { Status = GetInstalledCertificateStatus.NotFound });
        On(router, (GetLogRequest _) => new GetLogResponse { Status = LogStatus.Accepted, Filename = "security.log" });
        On(router, (InstallCertificateRequest _) => new InstallCertificateResponse { Status = InstallCertificateStatus.Accepted });
        On(router, (SignedUpdateFirmwareRequest _) => new SignedUpdateFirmwareResponse { Status = UpdateFirmwareStatus.Accepted });
    }

    private void On<TRequest, TResponse>(OcppRouter router, Func<TRequest, TResponse> answer)
        where TRequest : class, IOcppRequest<TResponse>
        where TResponse : class =>
        router.On<TRequest, TResponse>(request =>
        {
            Received.Enqueue(request);
            return answer(request);
        });
}
