namespace OpenCpm.Updates;

/// <summary>An update package that can't be installed, with a sentence saying why (nothing was changed).</summary>
public sealed class UpdatePackageException : Exception
{
    public UpdatePackageException()
    {
    }

    public UpdatePackageException(string message)
        : base(message)
    {
    }

    public UpdatePackageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
