using System.Text;
using Microsoft.JSInterop;

namespace OpenCpm.Web;

/// <summary>Hands a file made on the server to the browser as a download (wwwroot/js/opencpm.js).</summary>
internal static class Downloads
{
    public static async Task SaveCsvAsync(IJSRuntime js, string fileName, string csv)
    {
        ArgumentNullException.ThrowIfNull(js);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        using var reference = new DotNetStreamReference(stream);
        await js.InvokeVoidAsync("opencpmDownload", fileName, reference);
    }
}
