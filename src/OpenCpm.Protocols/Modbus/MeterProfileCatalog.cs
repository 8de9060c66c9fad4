namespace OpenCpm.Protocols.Modbus;

/// <summary>
/// The meter profiles the program knows: the built-in ones (embedded JSON files, one per meter) plus files
/// installed in the data folder's <c>meter-profiles</c> subfolder. An installed profile with a built-in id
/// replaces it. A bad installed file is refused and reported in <see cref="Problems"/>; the others still load.
/// </summary>
public sealed class MeterProfileCatalog
{
    /// <summary>Name of the data-folder subfolder that holds installed profiles.</summary>
    public const string FolderName = "meter-profiles";

    private const string ResourcePrefix = "OpenCpm.Protocols.Modbus.Profiles.";

    private static readonly Lazy<IReadOnlyList<MeterProfile>> BuiltInProfiles = new(LoadBuiltIn);

    private readonly Dictionary<string, MeterProfile> _byId;

    private MeterProfileCatalog(IEnumerable<MeterProfile> profiles, IReadOnlyList<string> problems)
    {
        _byId = new Dictionary<string, MeterProfile>(StringComparer.OrdinalIgnoreCase);
        foreach (var profile in profiles)
        {
            _byId[profile.Id] = profile;
        }

        Profiles = [.. _byId.Values.OrderBy(p => p.Vendor, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Id, StringComparer.Ordinal)];
        Problems = problems;
    }

    public static MeterProfileCatalog BuiltIn { get; } = new(BuiltInProfiles.Value, []);

    public IReadOnlyList<MeterProfile> Profiles { get; }

    /// <summary>One sentence per refused installed file.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>Built-in profiles plus the files in <c>dataDirectory/meter-profiles/*.json</c>.</summary>
    public static MeterProfileCatalog Load(string? dataDirectory)
    {
        var profiles = new List<MeterProfile>(BuiltInProfiles.Value);
        var problems = new List<string>();
        var folder = dataDirectory is null ? null : Path.Combine(dataDirectory, FolderName);
        if (folder is not null && Directory.Exists(folder))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
            {
                try
                {
                    var profile = MeterProfileParser.Parse(File.ReadAllText(file), Path.GetFileName(file));
                    profiles.Add(profile with { Source = file });
                }
                catch (MeterProfileException e)
                {
                    problems.Add(e.Message);
                }
                catch (IOException e)
                {
                    problems.Add($"Meter profile '{Path.GetFileName(file)}' could not be read ({e.Message.TrimEnd('.')}).");
                }
            }
        }

        return new MeterProfileCatalog(profiles, problems);
    }

    public MeterProfile? Find(string id) => _byId.GetValueOrDefault(id);

    private static List<MeterProfile> LoadBuiltIn()
    {
        var assembly = typeof(MeterProfileCatalog).Assembly;
        var profiles = new List<MeterProfile>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            profiles.Add(MeterProfileParser.Parse(reader.ReadToEnd(), name[ResourcePrefix.Length..]));
        }

        return profiles;
    }
}
