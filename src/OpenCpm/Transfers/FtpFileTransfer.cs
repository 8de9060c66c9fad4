namespace OpenCpm.Transfers;

/// <summary>
/// A download or upload over <c>ftp://</c> or <c>ftps://</c> (explicit TLS) as one <see cref="FtpSession"/>. The path
/// is walked as RFC 1738 says: each folder segment is a CWD from the login folder (a leading <c>%2F</c> makes it
/// absolute), then the download's last segment is RETR'd. An upload's location is a folder (OCPP 1.6: "the location
/// (directory) where the diagnostics file shall be uploaded to"; a trailing <c>/</c> or not): the file is STOR'd in it
/// under the name the controller answered.
/// </summary>
internal sealed class FtpFileTransfer(FtpSettings settings)
{
    public async Task DownloadAsync(TransferLocation location, Stream destination, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        var segments = location.FtpSegments;
        if (segments.Count == 0 || location.Uri.AbsolutePath.EndsWith('/'))
        {
            throw new FtpException(TransferFailure.BadLocation, "the location names a folder, not a file");
        }

        await using var session = await OpenAsync(location, cancellationToken);
        foreach (var folder in segments.SkipLast(1))
        {
            await session.ChangeFolderAsync(folder, cancellationToken);
        }

        var file = segments[^1];
        if (await session.SizeAsync(file, cancellationToken) is { } bytes && bytes > maxBytes)
        {
            throw new FtpException(TransferFailure.Failed, $"the file is larger than {maxBytes / (1024 * 1024)} MiB, the most this controller takes");
        }

        await session.RetrieveAsync(file, destination, maxBytes, cancellationToken);
        await session.QuitAsync(cancellationToken);
    }

    public async Task UploadAsync(TransferLocation location, string fileName, Stream source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        await using var session = await OpenAsync(location, cancellationToken);
        foreach (var folder in location.FtpSegments)
        {
            await session.ChangeFolderAsync(folder, cancellationToken);
        }

        await session.StoreAsync(fileName, source, cancellationToken);
        await session.QuitAsync(cancellationToken);
    }

    private Task<FtpSession> OpenAsync(TransferLocation location, CancellationToken cancellationToken)
    {
        var (user, password) = location.FtpLogin;
        return FtpSession.OpenAsync(location.Uri.IdnHost, location.FtpPort, location.Uri.Scheme == TransferLocation.FtpsScheme, user, password, settings, cancellationToken);
    }
}
