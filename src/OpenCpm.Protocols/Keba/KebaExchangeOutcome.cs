namespace OpenCpm.Protocols.Keba;

public enum KebaExchangeOutcome
{
    /// <summary>The matching reply arrived (which may be a <c>TCH-ERR</c>).</summary>
    Replied,

    /// <summary>Sent; the command has no reply (<c>output 2…9</c>).</summary>
    Sent,

    /// <summary>No matching reply after every attempt.</summary>
    TimedOut,

    /// <summary>Not sent because a timing rule forbids it now (the <c>x2</c> lock-out).</summary>
    NotAllowedNow,
}
