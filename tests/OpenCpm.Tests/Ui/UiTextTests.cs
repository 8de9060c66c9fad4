using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using OpenCpm.Core.Authorization;
using OpenCpm.Core.ChargePoints;
using OpenCpm.Core.LoadManagement;
using OpenCpm.Data;
using OpenCpm.Meter;
using OpenCpm.Stations;
using OpenCpm.Updates;
using OpenCpm.Web;
using OpenCpm.Web.Resources;

namespace OpenCpm.Tests.Ui;

/// <summary>Every text of the web UI exists in English, German and French (resource files Web/Resources/UiText*.resx).</summary>
public sealed partial class UiTextTests
{
    private static readonly ResourceManager Texts = new("OpenCpm.Web.Resources.UiText", typeof(UiText).Assembly);

    public static TheoryData<string> Languages => new() { "de", "fr" };

    [Theory, MemberData(nameof(Languages))]
    public void Every_english_text_has_a_translation(string language)
    {
        var english = Keys(CultureInfo.InvariantCulture);
        var translated = Keys(CultureInfo.GetCultureInfo(language));

        Assert.Empty(english.Keys.Except(translated.Keys));
        Assert.Empty(translated.Keys.Except(english.Keys));
        Assert.All(translated, pair => Assert.False(string.IsNullOrWhiteSpace(pair.Value), pair.Key));
        Assert.All(translated, pair => Assert.Equal(Placeholders(english[pair.Key]), Placeholders(pair.Value)));
    }

    [Fact]
    public void Every_text_the_pages_ask_for_exists()
    {
        var english = Keys(CultureInfo.InvariantCulture);
        var web = Path.Combine(RepositoryRoot(), "src", "OpenCpm", "Web");
        var used = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .SelectMany(f => TextKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Concat(Enum.GetNames<ChargePointState>().Select(s => "State." + s))
            .Concat(Enum.GetNames<LimitKind>().Select(k => "Limit." + k))
            .Concat(Enum.GetNames<ChargePointAction>().Select(a => "Action." + a))
            .Concat(new[] { "notConfigured", "disconnected", "connecting", "connected", "rejected" }.Select(s => "Backend.State." + s))
            .Concat(Enum.GetNames<UpdateStage>().Select(s => "Update.Stage." + s))
            .Concat(Enum.GetNames<OnlineAuthorizationMode>().Select(m => "Authorization.Online." + m))
            .Concat(Enum.GetNames<OfflineAuthorizationMode>().Select(m => "Authorization.Offline." + m))
            .Concat(Enum.GetNames<PowerFailureBehaviour>().Select(b => "Device.PowerFailure." + b))
            .Concat(Enum.GetNames<GridMeterState>().Select(s => "Meter.State." + s))
            .Concat(Enum.GetNames<DisplayEvent>().Select(e => "Display.Event." + e))
            .Concat(new[] { "None", "Basic", "BasicTls", "ClientCertificate" }.Select(p => "Ocpp.Profile." + p))
            .Concat(HelpSections.Names.SelectMany(s => new[] { $"Help.{s}.Title", $"Help.{s}.Text" }))
            .Distinct()
            .ToList();

        Assert.True(used.Count > 100, $"only {used.Count} texts found in {web}");
        Assert.All(used, key => Assert.True(english.ContainsKey(key), $"The text \"{key}\" is missing."));
    }

    private static Dictionary<string, string> Keys(CultureInfo culture) =>
        Texts.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    private static string Placeholders(string text) => string.Join(",", PlaceholderPattern().Matches(text).Select(m => m.Value).Order());

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "OpenCpm.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (OpenCpm.slnx) was not found.");
    }

    [GeneratedRegex("""T\["([A-Za-z]+\.[A-Za-z.]+)"[,\]]""")]
    private static partial Regex TextKey();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();
}
