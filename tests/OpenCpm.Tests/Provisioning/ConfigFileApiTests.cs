using System.Net;
using System.Net.Http.Json;
using System.Text;
using OpenCpm.Cli;
using OpenCpm.Data;
using OpenCpm.Provisioning;
using OpenCpm.Tests.Api;
using OpenCpm.Tests.Shared;

namespace OpenCpm.Tests.Provisioning;

public sealed class ConfigFileApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_file_comes_named_after_the_serial_and_a_changed_copy_posted_back_is_applied_and_logged()
    {
        await using var app = await OpenCpmApplication.StartAsync();
        using var client = await app.CreateClientAsync();
        var serial = app.Service<ControllerIdentity>().Serial;

        using var export = await client.GetAsync("/api/v1/config/file", Ct);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("text/plain", export.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"OpenCPM_{serial}.conf", export.Content.Headers.ContentDisposition?.FileName);
        var text = await export.Content.ReadAsStringAsync(Ct);
        Assert.Contains($"Serial = {serial}\n", text, StringComparison.Ordinal);

        var changed = text.Replace("MaxCurrentA = 32\n", "MaxCurrentA = 50\n", StringComparison.Ordinal).Replace("[OCPP]\n", "[OCPP]\nColour = blue\n", StringComparison.Ordinal);
        using var import = await client.PostAsync("/api/v1/config/file", new StringContent(changed, Encoding.UTF8, "text/plain"), Ct);

        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        var result = await import.Content.ReadFromJsonAsync<ConfigImportResult>(Ct);
        Assert.True(result!.Applied);
        Assert.Contains(result.Notices, n => n.EndsWith("[OCPP] Colour is not a known variable and was ignored.", StringComparison.Ordinal));
        Assert.Equal(50, (await (await client.GetAsync("/api/v1/network", Ct)).JsonAsync()).GetProperty("maxCurrentA").GetDouble());
        var events = await app.Service<EventLog>().QueryAsync(new EventQuery { Source = ConfigurationFileService.EventSource }, Ct);
        Assert.StartsWith("admin loaded the configuration file (1 notice(s)", Assert.Single(events.Items).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_with_any_problem_changes_nothing_and_answers_every_problem()
    {
        await using var app = await OpenCpmApplication.StartAsync();
        using var client = await app.CreateClientAsync();
        (string Text, string Problem)[] files =
        [
            ("[LOADMANAGEMENT]\nMaxCurrentA = 50\n[OCPP\nHeartbeatIntervalSeconds = 60\n", "line 3: a section header must end with ']' but the line is \"[OCPP\"."),
            ("[OCPP]\nHeartbeatIntervalSeconds = 60\n[LOADMANAGEMENT]\nMaxCurrentA = 50\nMinChargingCurrentA = 60\n", "minimum charging current"),
            ("[OCPP]\nHeartbeatIntervalSeconds = 60\n[LOADMANAGEMENT]\nMaxCurrentA = fifty\n", "line 4, [LOADMANAGEMENT] MaxCurrentA: must be a number from 0 to 10000 but is \"fifty\"."),
        ];

        foreach (var (text, problem) in files)
        {
            using var response = await client.PostAsync("/api/v1/config/file", new StringContent(text, Encoding.UTF8, "text/plain"), Ct);

            var body = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.Contains(problem, body.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Equal(32, (await (await client.GetAsync("/api/v1/network", Ct)).JsonAsync()).GetProperty("maxCurrentA").GetDouble());
            Assert.Equal(300, (await (await client.GetAsync("/api/v1/ocpp", Ct)).JsonAsync()).GetProperty("heartbeatIntervalSeconds").GetInt32());
        }

        var events = await app.Service<EventLog>().QueryAsync(new EventQuery { Source = ConfigurationFileService.EventSource }, Ct);
        Assert.Equal(3, events.Items.Count(e => e.Message.StartsWith("the configuration file was not loaded, nothing was changed:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_command_line_exports_into_a_folder_refuses_to_import_while_the_controller_runs_and_imports_when_it_is_stopped()
    {
        using var data = new TempDirectory();
        using var usb = new TempDirectory();
        string serial;
        await using (var app = await OpenCpmApplication.StartAsync(data.Path))
        {
            serial = app.Service<ControllerIdentity>().Serial;
            var (exit, output, _) = await InvokeAsync("config", "export", usb.Path, "--data-dir", data.Path);
            Assert.Equal(0, exit);
            Assert.Contains($"Configuration written to {usb.File($"OpenCPM_{serial}.conf")}", output, StringComparison.Ordinal);

            File.WriteAllText(usb.File("site.conf"), "[LOADMANAGEMENT]\nMaxCurrentA = 40\n");
            var (refused, _, error) = await InvokeAsync("config", "import", usb.File("site.conf"), "--data-dir", data.Path);
            Assert.Equal(1, refused);
            Assert.Equal($"opencpm config import: a controller is running on {data.Path}: load the file in its web UI (System › Configuration file) or POST it to /api/v1/config/file, or stop the controller first.", error.Trim());
        }

        var (bad, _, badError) = await InvokeAsync("config", "import", usb.File("site.conf"), "--data-dir", data.Path, "--no-such-option");
        Assert.Equal(2, bad);
        var (wrong, _, wrongError) = await InvokeAsync("config", "import", usb.File("OpenCPM_99999999.conf"), "--data-dir", data.Path);
        Assert.Equal(2, wrong);
        Assert.Contains("could not be read", wrongError, StringComparison.Ordinal);

        var (imported, importOutput, _) = await InvokeAsync("config", "import", usb.File("site.conf"), "--data-dir", data.Path);
        Assert.Equal(0, imported);
        Assert.Contains("Configuration loaded from", importOutput, StringComparison.Ordinal);
        await using var again = await OpenCpmApplication.StartAsync(data.Path);
        using var client = await again.CreateClientAsync();
        Assert.Equal(40, (await (await client.GetAsync("/api/v1/network", Ct)).JsonAsync()).GetProperty("maxCurrentA").GetDouble());
        Assert.Equal(serial, again.Service<ControllerIdentity>().Serial);
        Assert.NotEmpty(badError);
    }

    private static async Task<(int Exit, string Output, string Error)> InvokeAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CommandLine.InvokeAsync(args, new System.CommandLine.InvocationConfiguration { Output = output, Error = error }, Ct);
        return (exit, output.ToString(), error.ToString());
    }
}
