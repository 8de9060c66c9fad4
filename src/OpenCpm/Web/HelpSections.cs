namespace OpenCpm.Web;

/// <summary>
/// The sections of the Help page, one per page (or tab) of the web UI, in menu order: each has the texts
/// <c>Help.{name}.Title</c> and <c>Help.{name}.Text</c> in every language, and its anchor <c>#help-{name}</c>.
/// </summary>
internal static class HelpSections
{
    public static IReadOnlyList<string> Names { get; } =
    [
        "Status", "Sessions", "Network",
        "Update", "Api", "Logging", "Dsw", "Reset", "Certificate", "Restart",
        "Device", "Connection", "Ocpp", "Meter", "Display", "File",
        "User", "Licenses",
    ];

    /// <summary>The menu each section belongs to (its group heading on the Help page).</summary>
    public static string MenuOf(string name) => name switch
    {
        "Status" => "Menu.Status",
        "Sessions" => "Menu.Sessions",
        "Network" => "Menu.Network",
        "Update" or "Api" or "Logging" or "Dsw" or "Reset" or "Certificate" or "Restart" => "Menu.System",
        "Device" or "Connection" or "Ocpp" or "Meter" or "Display" or "File" => "Menu.Configuration",
        _ => "Menu.User",
    };
}
