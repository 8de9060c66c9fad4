using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace OpenCpm.Tests.Ocpp;

/// <summary>
/// The backend's file server in a test: Kestrel on 127.0.0.1, a free port. GET /files/NAME serves what
/// <see cref="Serve"/> put there (404 otherwise); POST /upload takes a multipart/form-data upload (part <c>file</c>)
/// and answers <see cref="UploadStatus"/>. Every request is recorded.
/// </summary>
internal sealed class TestFileServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, byte[]> _files = new();
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly ConcurrentQueue<TestUpload> _uploads = new();

    private TestFileServer(WebApplication app)
    {
        _app = app;
    }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>What POST /upload answers (200: the file is kept).</summary>
    public int UploadStatus { get; set; } = StatusCodes.Status200OK;

    /// <summary>"GET /files/x.ocpu", "POST /upload" … in arrival order.</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    public IReadOnlyList<TestUpload> Uploads => [.. _uploads];

    public static async Task<TestFileServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new TestFileServer(app);
        app.Use(async (context, next) =>
        {
            server._requests.Enqueue($"{context.Request.Method} {context.Request.Path}");
            await next(context);
        });
        app.MapGet("/files/{name}", (string name) => server._files.TryGetValue(name, out var content)
            ? Results.Bytes(content, "application/octet-stream")
            : Results.NotFound());
        app.MapPost("/upload", async (HttpContext context) =>
        {
            if (server.UploadStatus != StatusCodes.Status200OK)
            {
                return Results.StatusCode(server.UploadStatus);
            }

            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var file = form.Files.GetFile("file");
            if (file is null)
            {
                return Results.BadRequest();
            }

            using var content = new MemoryStream();
            await file.CopyToAsync(content, context.RequestAborted);
            server._uploads.Enqueue(new TestUpload(file.FileName, file.ContentType, content.ToArray()));
            return Results.Ok();
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        server.BaseAddress = new Uri(app.Urls.First());
        return server;
    }

    public void Serve(string name, byte[] content) => _files[name] = content;

    public string Url(string path) => new Uri(BaseAddress, path).ToString();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
