namespace OpenCpm.Protocols.Keba;

/// <summary>The result of sending one command: the outcome, the matching reply if any, and how many sends it took.</summary>
public sealed record KebaExchange(KebaExchangeOutcome Outcome, KebaMessage? Reply, int Attempts)
{
    public bool Acknowledged => Reply is KebaAcknowledge;
}
