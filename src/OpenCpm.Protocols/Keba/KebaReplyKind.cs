namespace OpenCpm.Protocols.Keba;

/// <summary>What answers a command, so a reply can be matched by content rather than arrival order.</summary>
public enum KebaReplyKind
{
    /// <summary><c>TCH-OK</c> or <c>TCH-ERR</c>.</summary>
    Acknowledge,

    /// <summary>A report with the command's ID.</summary>
    Report,

    /// <summary>The firmware info (reply to <c>i</c>).</summary>
    Firmware,

    /// <summary>Nothing (<c>output 2</c> … <c>output 9</c>).</summary>
    None,
}
