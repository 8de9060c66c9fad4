using OpenCpm.Protocols.Ocpp.V16;

namespace OpenCpm.Ocpp.Certificates;

/// <summary>
/// What installing a certificate came to, in the whitepaper's terms: Accepted (installed, or it already was), Rejected
/// (not a usable certificate, or the store is full) or Failed (a usable certificate that could not be stored).
/// </summary>
/// <param name="Status">The whitepaper's InstallCertificate status.</param>
/// <param name="Certificate">What is installed now (when accepted).</param>
/// <param name="Problem">Why not, one sentence (null when accepted).</param>
/// <param name="Field">The input the problem is in.</param>
internal sealed record CertificateResult(InstallCertificateStatus Status, InstalledCertificate? Certificate, string? Problem = null, string Field = "certificate")
{
    public static CertificateResult Rejected(string problem, string field = "certificate") => new(InstallCertificateStatus.Rejected, null, problem, field);
}
