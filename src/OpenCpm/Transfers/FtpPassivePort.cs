using System.Globalization;
using System.Text.RegularExpressions;

namespace OpenCpm.Transfers;

/// <summary>
/// The data port of a passive-mode reply: EPSV's 229 <c>(|||port|)</c> (RFC 2428, any delimiter) or PASV's 227
/// <c>h1,h2,h3,h4,p1,p2</c> (RFC 959; found anywhere in the text, as RFC 1123 §4.1.2.6 advises). The address in a 227
/// is ignored: the data connection goes to the control connection's peer (a server behind NAT often names its private
/// address there, and connecting elsewhere is what the FTP bounce attack abuses).
/// </summary>
internal static partial class FtpPassivePort
{
    public static int FromEpsv(FtpReply reply)
    {
        var match = EpsvPattern().Match(reply.Text);
        return match.Success && int.TryParse(match.Groups["port"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535
            ? port
            : throw Unusable("EPSV", reply);
    }

    public static int FromPasv(FtpReply reply)
    {
        var match = PasvPattern().Match(reply.Text);
        if (!match.Success)
        {
            throw Unusable("PASV", reply);
        }

        var numbers = match.Groups["n"].Captures.Select(c => int.Parse(c.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture)).ToArray();
        var port = (numbers[4] * 256) + numbers[5];
        return numbers.All(n => n <= 255) && port > 0 ? port : throw Unusable("PASV", reply);
    }

    private static FtpException Unusable(string command, FtpReply reply) =>
        new(TransferFailure.Failed, $"the FTP server's answer to {command} names no usable data port ({reply.Shown})");

    [GeneratedRegex(@"\((?<d>[\x21-\x7E])\k<d>\k<d>(?<port>[0-9]{1,5})\k<d>\)", RegexOptions.CultureInvariant)]
    private static partial Regex EpsvPattern();

    [GeneratedRegex(@"(?<n>[0-9]{1,3}),(?<n>[0-9]{1,3}),(?<n>[0-9]{1,3}),(?<n>[0-9]{1,3}),(?<n>[0-9]{1,3}),(?<n>[0-9]{1,3})", RegexOptions.CultureInvariant)]
    private static partial Regex PasvPattern();
}
