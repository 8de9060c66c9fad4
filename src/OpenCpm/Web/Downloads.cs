using System.Text;
using Microsoft.JSInterop;

namespace OpenCpm.Web;

/// <summary>Hands a file made on the server to the browser as a download (wwwroot/js/opencpm.js).</summary>
internal static class Downloads
{
    public static Task SaveCsvAsync(IJSRuntime js, string fileName, string csv) => SaveTextAsync(js, fileName, csv, "text/csv");

    public static async Task SaveTextAsync(IJSRuntime js, string fileName, string text, string contentType)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        await SaveAsync(js, fileName, stream, contentType);
    }

    public static async Task SaveAsync(IJSRuntime js, string fileName, Stream content, string contentType)
    {
        ArgumentNullException.ThrowIfNull(js);
        using var reference = new DotNetStreamReference(content, leaveOpen: true);
        await js.InvokeVoidAsync("opencpmDownload", fileName, reference, contentType);
    }
}
