namespace OpenCpm.Transfers;

/// <summary>
/// One FTP reply (RFC 959 §4.2): the three-digit code and the text of its first line (a multi-line reply's further
/// lines are read and dropped). <see cref="Shown"/> is the reply as a failure sentence quotes it, escaped and cut.
/// </summary>
internal readonly record struct FtpReply(int Code, string Text)
{
    /// <summary>1yz: more replies follow for this command.</summary>
    public bool IsPreliminary => Code is >= 100 and < 200;

    public string Shown => Text.Length == 0 ? Code.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{Code} {Security.LogText.Escape(Text, 120)}";
}
