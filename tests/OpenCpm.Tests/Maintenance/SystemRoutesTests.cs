using System.Net;
using OpenCpm.Tests.Api;

namespace OpenCpm.Tests.Maintenance;

public sealed class SystemRoutesTests
{
    private static readonly string[] Routes =
    [
        "/api/v1/config/file", "/api/v1/system/device", "/api/v1/display", "/api/v1/system/logging", "/api/v1/system/logging/archive",
        "/api/v1/system/update", "/api/v1/system/usb",
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_provisioning_and_maintenance_routes_need_a_token_and_are_in_the_OpenAPI_document_but_recovery_needs_none()
    {
        await using var app = await OpenCpmApplication.StartAsync();
        using var anonymous = app.CreateClient();

        foreach (var route in Routes)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(route, Ct)).StatusCode);
        }

        foreach (var route in new[] { "/api/v1/system/restart", "/api/v1/system/factory-reset", "/api/v1/system/update", "/api/v1/config/file" })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync(route, null, Ct)).StatusCode);
        }

        var paths = (await (await anonymous.GetAsync("/openapi/v1.json", Ct)).JsonAsync()).GetProperty("paths");
        foreach (var route in Routes.Append("/api/v1/system/restart").Append("/api/v1/system/factory-reset").Append("/api/v1/auth/recover").Append("/api/v1/system/device/enable"))
        {
            Assert.True(paths.TryGetProperty(route, out _), $"{route} is missing from the OpenAPI document");
        }

        Assert.Empty(paths.GetProperty("/api/v1/auth/recover").GetProperty("post").GetProperty("security").EnumerateArray());
    }
}
