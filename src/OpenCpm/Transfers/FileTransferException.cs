namespace OpenCpm.Transfers;

/// <summary>One attempt of a file transfer failed; <see cref="Problem"/> says how (the message is its reason).</summary>
internal sealed class FileTransferException(TransferProblem problem, Exception? inner = null) : Exception(problem.Reason, inner)
{
    public TransferProblem Problem { get; } = problem;
}
