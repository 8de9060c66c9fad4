namespace OpenCpm.Transfers;

/// <summary>
/// An FTP exchange went wrong: the message is a sentence fragment naming the command and the server's reply, e.g.
/// "the FTP server refused the login (530 Login incorrect.)"; never a password. <see cref="Failure"/> tells a refused
/// login or store (<see cref="TransferFailure.PermissionDenied"/>) from anything else.
/// </summary>
internal sealed class FtpException(TransferFailure failure, string message, Exception? inner = null) : Exception(message, inner)
{
    public TransferFailure Failure { get; } = failure;
}
