namespace OpenCpm.Ocpp.Certificates;

/// <summary>Certificates or a key that can't be used, with a sentence saying why and the input field at fault.</summary>
internal sealed class CertificateProblemException(string message, string field, Exception? innerException = null) : Exception(message, innerException)
{
    /// <summary>The field of the upload (or the OCPP message) the problem is in.</summary>
    public string Field { get; } = field;
}
