using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;

namespace OpenCpm.Transfers;

/// <summary>
/// Fetches and sends the files the backend asks for over http and https (<see cref="IHttpClientFactory"/>, client
/// <see cref="ClientName"/>): a download is a GET written to a file, never more than <see cref="MaxDownloadBytes"/>; an
/// upload is a multipart/form-data POST with one part <c>file</c> carrying the file name (what backends commonly take).
/// A <c>user:password@</c> in the URL becomes HTTP Basic authentication. Over ftp and ftps the same is a RETR or a STOR
/// (<see cref="FtpFileTransfer"/>, with <see cref="Ftp"/>). Each call is one attempt, at most <see cref="AttemptTimeout"/>:
/// it throws <see cref="FileTransferException"/> with a sentence, never the credentials.
/// </summary>
internal sealed class FileTransfer(IHttpClientFactory clients)
{
    public const string ClientName = "ocpp-file-transfer";

    /// <summary>A firmware package is a few tens of MB; nothing near this size is one.</summary>
    public const long MaxDownloadBytes = 512L * 1024 * 1024;

    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromMinutes(10);

    /// <summary>The FTP client's idle timeout and trust (the defaults in the product; tests shorten and replace them).</summary>
    public FtpSettings Ftp { get; init; } = new();

    public async Task DownloadAsync(TransferLocation location, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (location.IsFtp)
        {
            await FtpAsync(location, "download", async ct =>
            {
                await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true);
                await new FtpFileTransfer(Ftp).DownloadAsync(location, file, MaxDownloadBytes, ct);
            }, cancellationToken);
            return;
        }

        using var request = Request(HttpMethod.Get, location);
        await SendAsync(location, "download", async client =>
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            EnsureSuccess(location, "download", response);
            if (response.Content.Headers.ContentLength is > MaxDownloadBytes)
            {
                throw TooLarge(location);
            }

            await using var source = await response.Content.ReadAsStreamAsync(cancellationToken);
            await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true);
            var buffer = new byte[64 * 1024];
            long total = 0;
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += read;
                if (total > MaxDownloadBytes)
                {
                    throw TooLarge(location);
                }

                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }, cancellationToken);
    }

    /// <summary>Uploads the file at <paramref name="path"/> under the name <paramref name="fileName"/>.</summary>
    public async Task UploadAsync(TransferLocation location, string fileName, string contentType, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (location.IsFtp)
        {
            await FtpAsync(location, "upload", async ct =>
            {
                await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);
                await new FtpFileTransfer(Ftp).UploadAsync(location, fileName, file, ct);
            }, cancellationToken);
            return;
        }

        using var request = Request(HttpMethod.Post, location);
        using var form = new MultipartFormDataContent();
        var file = new StreamContent(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true));
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        request.Content = form;
        await SendAsync(location, "upload", async client =>
        {
            using var response = await client.SendAsync(request, cancellationToken);
            EnsureSuccess(location, "upload", response);
        }, cancellationToken);
    }

    private async Task SendAsync(TransferLocation location, string what, Func<HttpClient, Task> send, CancellationToken cancellationToken)
    {
        using var client = clients.CreateClient(ClientName);
        client.Timeout = AttemptTimeout;
        try
        {
            await send(client);
        }
        catch (HttpRequestException e)
        {
            throw new FileTransferException(new TransferProblem(TransferFailure.Failed, $"the {what} at {location.Shown} failed: {e.Message}"), e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FileTransferException(new TransferProblem(TransferFailure.Failed, $"the {what} at {location.Shown} did not finish within {AttemptTimeout.TotalMinutes:0} min"), e);
        }
        catch (IOException e)
        {
            throw new FileTransferException(new TransferProblem(TransferFailure.Failed, $"the {what} at {location.Shown} broke off: {e.Message}"), e);
        }
    }

    private static async Task FtpAsync(TransferLocation location, string what, Func<CancellationToken, Task> transfer, CancellationToken cancellationToken)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(AttemptTimeout);
        try
        {
            await transfer(attempt.Token);
        }
        catch (FtpException e)
        {
            throw new FileTransferException(new TransferProblem(e.Failure, $"the {what} at {location.Shown} failed: {e.Message}"), e);
        }
        catch (AuthenticationException e)
        {
            throw new FileTransferException(new TransferProblem(TransferFailure.Failed, $"the {what} at {location.Shown} failed: the TLS handshake with the FTP server failed ({e.Message})"), e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FileTransferException(new TransferProblem(TransferFailure.Failed, $"the {what} at {location.Shown} did not finish within {AttemptTimeout.TotalMinutes:0} min"), e);
        }
        catch (Exception e) when (e is IOException or SocketException)
        {
            throw new FileTransferException(new TransferProblem(TransferFailure.Failed, $"the {what} at {location.Shown} broke off: {e.Message}"), e);
        }
    }

    private static HttpRequestMessage Request(HttpMethod method, TransferLocation location)
    {
        var request = new HttpRequestMessage(method, location.Shown);
        if (location.Uri.UserInfo is { Length: > 0 } userInfo)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(userInfo))));
        }

        return request;
    }

    private static void EnsureSuccess(TransferLocation location, string what, HttpResponseMessage response)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var failure = response.StatusCode switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => TransferFailure.PermissionDenied,
            HttpStatusCode.BadRequest => TransferFailure.BadRequest,
            _ => TransferFailure.Failed,
        };
        throw new FileTransferException(new TransferProblem(failure, $"the {what} at {location.Shown} was answered {(int)response.StatusCode} {response.ReasonPhrase}"));
    }

    private static FileTransferException TooLarge(TransferLocation location) =>
        new(new TransferProblem(TransferFailure.Failed, $"the file at {location.Shown} is larger than {MaxDownloadBytes / (1024 * 1024)} MiB, the most this controller takes"));
}
