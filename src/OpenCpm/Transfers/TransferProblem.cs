namespace OpenCpm.Transfers;

/// <summary>A transfer that did not happen: the kind of failure and a sentence fragment saying what went wrong (no credentials in it).</summary>
internal sealed record TransferProblem(TransferFailure Failure, string Reason);
