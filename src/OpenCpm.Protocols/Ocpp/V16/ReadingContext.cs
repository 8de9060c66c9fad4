using System.Text.Json.Serialization;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>ReadingContext, used in MeterValues.req, StopTransaction.req.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReadingContext>))]
public enum ReadingContext
{
    [JsonStringEnumMemberName("Interruption.Begin")]
    InterruptionBegin,
    [JsonStringEnumMemberName("Interruption.End")]
    InterruptionEnd,
    [JsonStringEnumMemberName("Sample.Clock")]
    SampleClock,
    [JsonStringEnumMemberName("Sample.Periodic")]
    SamplePeriodic,
    [JsonStringEnumMemberName("Transaction.Begin")]
    TransactionBegin,
    [JsonStringEnumMemberName("Transaction.End")]
    TransactionEnd,
    Trigger,
    Other,
}
