// Compiled by MSBuild's RoslynCodeTaskFactory (eng/ThirdPartyLicenses.targets); not part of any project.
#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>
/// Writes the third-party licenses of the packages a build ships, read from each package's own .nuspec (license
/// expression or file, authors, copyright, project address) and its license and notice files, as JSON.
/// </summary>
public sealed class WriteThirdPartyLicenses : Task
{
    /// <summary>Files copied from packages (RuntimeCopyLocalItems and the like) with NuGetPackageId, NuGetPackageVersion and PathInPackage.</summary>
    [Required]
    public ITaskItem[] PackageFiles { get; set; } = [];

    /// <summary>The .NET runtime that a self-contained release ships: its version and the folder with its LICENSE.txt.</summary>
    public string RuntimeVersion { get; set; } = "";

    public string RuntimeFolder { get; set; } = "";

    [Required]
    public string OutputFile { get; set; } = "";

    private static readonly string[] TextFileNames = ["LICENSE", "LICENSE.txt", "LICENSE.md", "LICENSE.TXT", "NOTICE", "NOTICE.txt", "NOTICE.md", "THIRD-PARTY-NOTICES.TXT", "THIRD-PARTY-NOTICES.txt", "ThirdPartyNotices.txt"];

    public override bool Execute()
    {
        var packages = new SortedDictionary<string, (string Id, string Version, string Folder)>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in PackageFiles)
        {
            var id = file.GetMetadata("NuGetPackageId");
            var version = file.GetMetadata("NuGetPackageVersion");
            var inPackage = file.GetMetadata("PathInPackage").Replace('\\', '/');
            var path = file.GetMetadata("FullPath").Replace('\\', '/');
            if (id.Length == 0 || version.Length == 0 || inPackage.Length == 0 || !path.EndsWith(inPackage, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            packages[id + "/" + version] = (id, version, path.Substring(0, path.Length - inPackage.Length));
        }

        var json = new StringBuilder("{\"packages\":[\n");
        var first = true;
        var shared = new List<string>();
        foreach (var (id, version, folder) in packages.Values)
        {
            var nuspec = Directory.EnumerateFiles(folder, "*.nuspec").FirstOrDefault();
            if (nuspec is null)
            {
                Log.LogError("The package {0} {1} has no .nuspec in {2}: its license can't be read.", id, version, folder);
                continue;
            }

            var metadata = XDocument.Load(nuspec).Root?.Elements().FirstOrDefault(e => e.Name.LocalName == "metadata");
            string? Field(string name) => metadata?.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim();
            var license = metadata?.Elements().FirstOrDefault(e => e.Name.LocalName == "license");
            var licenseType = license?.Attribute("type")?.Value;
            var texts = new List<(string Name, string Text)>();
            if (licenseType == "file" && license!.Value.Trim() is { Length: > 0 } licenseFile && File.Exists(Path.Combine(folder, licenseFile)))
            {
                texts.Add((licenseFile, File.ReadAllText(Path.Combine(folder, licenseFile))));
            }

            texts.AddRange(TextFiles(folder).Where(t => !texts.Any(x => string.Equals(x.Name, t.Name, StringComparison.OrdinalIgnoreCase))));
            var expression = licenseType == "expression" ? license!.Value.Trim() : null;
            if (expression is null && texts.Count == 0 && string.IsNullOrEmpty(Field("licenseUrl")))
            {
                Log.LogError("The package {0} {1} names no license.", id, version);
            }

            Append(json, ref first, shared, id, version, Field("authors"), Field("copyright"), expression, Field("licenseUrl"), Field("projectUrl"), texts);
        }

        if (RuntimeVersion.Length > 0)
        {
            Append(json, ref first, shared, ".NET runtime (Microsoft.NETCore.App, Microsoft.AspNetCore.App)", RuntimeVersion, "Microsoft, .NET Foundation and Contributors",
                null, "MIT", "https://licenses.nuget.org/MIT", "https://dot.net/", RuntimeFolder.Length > 0 ? TextFiles(RuntimeFolder) : []);
        }

        // Texts many packages carry alike (the .NET license and notices) are kept once.
        json.Append("\n],\n\"texts\":[\n  ").Append(string.Join(",\n  ", shared.Select(Quote))).Append("\n]}\n");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(OutputFile))!);
        var text = json.ToString();
        if (!File.Exists(OutputFile) || File.ReadAllText(OutputFile) != text)
        {
            File.WriteAllText(OutputFile, text, new UTF8Encoding(false));
        }

        return !Log.HasLoggedErrors;
    }

    private static IEnumerable<(string Name, string Text)> TextFiles(string folder) =>
        TextFileNames.Select(name => Path.Combine(folder, name))
            .Where(File.Exists)
            .Distinct(StringComparer.Ordinal)
            .Select(path => (Path.GetFileName(path), File.ReadAllText(path)));

    private static void Append(
        StringBuilder json, ref bool first, List<string> shared, string id, string version, string? authors, string? copyright, string? expression, string? url, string? project,
        IEnumerable<(string Name, string Text)> texts)
    {
        json.Append(first ? "  " : ",\n  ");
        first = false;
        json.Append("{\"id\":").Append(Quote(id))
            .Append(",\"version\":").Append(Quote(version))
            .Append(",\"authors\":").Append(Quote(authors))
            .Append(",\"copyright\":").Append(Quote(copyright))
            .Append(",\"license\":").Append(Quote(expression))
            .Append(",\"licenseUrl\":").Append(Quote(url))
            .Append(",\"projectUrl\":").Append(Quote(project))
            .Append(",\"texts\":[")
            .Append(string.Join(",", texts.Select(t => "{\"name\":" + Quote(t.Name) + ",\"text\":" + IndexOf(shared, t.Text) + "}")))
            .Append("]}");
    }

    private static int IndexOf(List<string> shared, string text)
    {
        var index = shared.IndexOf(text);
        if (index < 0)
        {
            shared.Add(text);
            index = shared.Count - 1;
        }

        return index;
    }

    private static string Quote(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "null";
        }

        var s = new StringBuilder("\"");
        foreach (var c in value!)
        {
            switch (c)
            {
                case '"': s.Append("\\\""); break;
                case '\\': s.Append("\\\\"); break;
                case '\n': s.Append("\\n"); break;
                case '\r': break;
                case '\t': s.Append("\\t"); break;
                default:
                    if (c < ' ')
                    {
                        s.Append("\\u").Append(((int)c).ToString("x4"));
                    }
                    else
                    {
                        s.Append(c);
                    }

                    break;
            }
        }

        return s.Append('"').ToString();
    }
}
