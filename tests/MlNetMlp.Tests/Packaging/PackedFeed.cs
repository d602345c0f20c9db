using System.IO.Compression;
using System.Xml.Linq;
using MlNetMlp.Tests.Infrastructure;

namespace MlNetMlp.Tests.Packaging;

/// <summary>
/// The src packages as <c>dotnet pack</c> writes them from this test run's build, packed once per run and shared
/// by the packaging tests, in a folder removed when the test process ends. Their version is the one
/// build/PackageVersion.targets derives from the code, so no stale package of the same version can stand in.
/// </summary>
internal sealed class PackedFeed
{
    /// <summary>Every package the repository publishes: the libraries, and the command-line program as the .NET tool <c>mlnetmlp</c>.</summary>
    public static readonly IReadOnlyList<string> PackageIds =
        ["MlNetMlp.Core", "MlNetMlp.Transforms", "MlNetMlp.Scoring", "MlNetMlp.Trainers", "MlNetMlp.Datasets", "MlNetMlp.Pipelines", "MlNetMlp.Experiments", "mlnetmlp"];

    private static readonly Lazy<PackedFeed> Packed = new(Pack, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly TemporaryDirectory directory;

    private PackedFeed(TemporaryDirectory directory, IReadOnlyDictionary<string, PackageManifest> manifests)
    {
        this.directory = directory;
        Manifests = manifests;
    }

    public static PackedFeed Instance => Packed.Value;

    /// <summary>The folder holding the .nupkg files, usable as a NuGet source.</summary>
    public string Folder => directory.Path;

    /// <summary>Package id to what its .nuspec declares.</summary>
    public IReadOnlyDictionary<string, PackageManifest> Manifests { get; }

    /// <summary>The version of MlNetMlp.Core, which every package must share.</summary>
    public string Version => Manifests["MlNetMlp.Core"].Version;

    /// <summary>
    /// Writes, into <paramref name="folder"/>, an application outside the repository that knows MlNetMlp only through
    /// these packages: a project referencing <paramref name="packageIds"/> at this feed's version (and
    /// <paramref name="otherPackages"/> at theirs, from the machine's NuGet sources), a nuget.config naming the feed,
    /// and <paramref name="program"/> as its Program.cs; <paramref name="properties"/> go into its property group.
    /// </summary>
    /// <returns>The application's folder.</returns>
    public string CreateConsumer(string folder, IEnumerable<string> packageIds, string program, IEnumerable<(string Id, string Version)>? otherPackages = null, string properties = "")
    {
        Directory.CreateDirectory(folder);
        var references = string.Join(Environment.NewLine, packageIds.Select(id => (id, Version)).Concat(otherPackages ?? [])
            .Select(package => $"""    <PackageReference Include="{package.Item1}" Version="{package.Item2}" />"""));
        File.WriteAllText(Path.Combine(folder, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
            {properties}
              </PropertyGroup>
              <ItemGroup>
            {references}
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
            <configuration>
              <packageSources>
                <add key="mlnetmlp-local" value="{Folder}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(folder, "Program.cs"), program);
        return folder;
    }

#if DEBUG
    public const string Configuration = "Debug";
#else
    public const string Configuration = "Release";
#endif

    private static PackedFeed Pack()
    {
        var directory = new TemporaryDirectory();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => directory.Dispose();
        var pack = ProcessRunner.Run("dotnet",
            ["pack", Path.Combine(TestPaths.RepositoryRoot, "MlNetMlp.sln"), "--no-build", "-c", Configuration, "-o", directory.Path]);
        Assert.AreEqual(0, pack.ExitCode, pack.Transcript);

        var manifests = new Dictionary<string, PackageManifest>(StringComparer.Ordinal);
        foreach (var id in PackageIds)
        {
            var packages = Directory.GetFiles(directory.Path, $"{id}.*.nupkg")
                .Where(path => Path.GetFileName(path)[(id.Length + 1)..] is var rest && char.IsDigit(rest[0]))
                .ToList();
            Assert.HasCount(1, packages, $"{id} was not packed exactly once:\n{pack.Transcript}");
            manifests[id] = PackageManifest.Read(packages[0]);
        }

        return new PackedFeed(directory, manifests);
    }
}

/// <summary>The identity and dependencies a package's .nuspec declares.</summary>
internal sealed record PackageManifest(string Id, string Version, IReadOnlyDictionary<string, string> Dependencies)
{
    public static PackageManifest Read(string nupkgPath)
    {
        using var package = ZipFile.OpenRead(nupkgPath);
        var entry = package.Entries.Single(e => !e.FullName.Contains('/') && e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = entry.Open();
        var metadata = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string Value(string name) => metadata.Elements().Single(e => e.Name.LocalName == name).Value;
        var dependencies = metadata.Descendants()
            .Where(e => e.Name.LocalName == "dependency")
            .ToDictionary(e => (string)e.Attribute("id")!, e => (string)e.Attribute("version")!, StringComparer.Ordinal);
        return new PackageManifest(Value("id"), Value("version"), dependencies);
    }
}
