using System.Text.RegularExpressions;
using MlNetMlp.Tests.Infrastructure;

namespace MlNetMlp.Tests.Packaging;

/// <summary>
/// Packages take a version that changes with the code (build/PackageVersion.targets), so a repack is never
/// shadowed by an older package of the same version in the NuGet cache.
/// </summary>
[TestClass]
public sealed class PackageVersionTests
{
    private static readonly string Prefix = typeof(PackageVersionTests).Assembly.GetName().Version!.ToString(3);

    [TestMethod]
    public void PackedFeed_Version_IsDerivedFromThisCheckout()
    {
        var version = PackedFeed.Instance.Version;

        var count = Git(TestPaths.RepositoryRoot, "rev-list", "--count", "HEAD");
        if (count.ExitCode != 0)
        {
            StringAssert.Matches(version, SourceHashVersion(), "no git history: the version comes from the files' content");
            return;
        }

        var sha = Git(TestPaths.RepositoryRoot, "rev-parse", "--short=7", "HEAD").StandardOutput.Trim();
        var uncommitted = Git(TestPaths.RepositoryRoot, "--no-optional-locks", "status", "--porcelain").StandardOutput.Trim();
        var committed = $"{Prefix}-dev.{count.StandardOutput.Trim()}.g{sha}";
        if (uncommitted.Length == 0)
        {
            Assert.AreEqual(committed, version);
        }
        else
        {
            StringAssert.Matches(version, new Regex($"^{Regex.Escape(committed)}\\.dirty-[0-9a-f]{{8}}$"), uncommitted);
        }
    }

    [TestMethod]
    public void PackageVersion_InAFreshRepository_FollowsCommitsAndUncommittedContent()
    {
        if (Git(TestPaths.RepositoryRoot, "--version").ExitCode != 0)
        {
            Assert.Inconclusive("git is not installed; the versions derived from commits cannot be checked here.");
        }

        using var repository = new TemporaryDirectory();
        CopyBuildSetup(repository.Path);
        var source = Path.Combine(repository.Path, "Tiny", "Tiny.cs");
        File.WriteAllText(source, "namespace Tiny; public static class Answer { public const int Value = 42; }\n");
        Commit(repository.Path, "first");

        var first = PackageVersionOf(repository.Path);
        Assert.AreEqual($"{Prefix}-dev.1.g{ShortSha(repository.Path)}", first);

        File.AppendAllText(source, "// edited\n");
        var edited = PackageVersionOf(repository.Path);
        StringAssert.Matches(edited, new Regex($"^{Regex.Escape(first)}\\.dirty-[0-9a-f]{{8}}$"));

        File.WriteAllText(Path.Combine(repository.Path, "Tiny", "New.cs"), "namespace Tiny; public static class New;\n");
        var withNewFile = PackageVersionOf(repository.Path);
        StringAssert.StartsWith(withNewFile, first + ".dirty-");
        Assert.AreNotEqual(edited, withNewFile, "an untracked file is part of the content");

        File.Delete(Path.Combine(repository.Path, "Tiny", "New.cs"));
        Assert.AreEqual(edited, PackageVersionOf(repository.Path), "the same tree gives the same version");

        Commit(repository.Path, "second");
        Assert.AreEqual($"{Prefix}-dev.2.g{ShortSha(repository.Path)}", PackageVersionOf(repository.Path));

        Assert.AreEqual("1.2.3", PackageVersionOf(repository.Path, "-p:Version=1.2.3"), "a version on the command line wins");
        StringAssert.Matches(PackageVersionOf(repository.Path, "-p:MlNetMlpGit=/nonexistent/git"), SourceHashVersion(), "without git");
    }

    private static Regex SourceHashVersion() => new($"^{Regex.Escape(Prefix)}-src-[0-9a-f]{{8}}$");

    /// <summary>The repository's build files (what decides a package's version) and a tiny packable project, in a new git repository.</summary>
    private static void CopyBuildSetup(string destination)
    {
        var buildFiles = Directory.EnumerateFiles(Path.Combine(TestPaths.RepositoryRoot, "build"), "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(TestPaths.RepositoryRoot, path))
            .Where(path => !path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"));
        foreach (var file in buildFiles.Concat(["Directory.Build.props", "Directory.Build.targets", ".gitignore"]))
        {
            var target = Path.Combine(destination, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(TestPaths.RepositoryRoot, file), target);
        }

        Directory.CreateDirectory(Path.Combine(destination, "Tiny"));
        File.WriteAllText(Path.Combine(destination, "Tiny", "Tiny.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <IsPackable>true</IsPackable>
              </PropertyGroup>
            </Project>
            """);
        Assert.AreEqual(0, Git(destination, "init", "--quiet").ExitCode);
    }

    private static string PackageVersionOf(string repository, params string[] properties)
    {
        var query = ProcessRunner.Run("dotnet",
            ["msbuild", Path.Combine(repository, "Tiny", "Tiny.csproj"), "-nologo", "-t:MlNetMlpPackageVersion", "-getProperty:PackageVersion", .. properties],
            repository);
        Assert.AreEqual(0, query.ExitCode, query.Transcript);
        return query.StandardOutput.Trim();
    }

    private static void Commit(string repository, string message)
    {
        Assert.AreEqual(0, Git(repository, "add", "--all").ExitCode);
        var commit = Git(repository, "-c", "user.name=MlNetMlp tests", "-c", "user.email=tests@example.invalid", "-c", "commit.gpgsign=false", "commit", "--quiet", "-m", message);
        Assert.AreEqual(0, commit.ExitCode, commit.Transcript);
    }

    private static string ShortSha(string repository) => Git(repository, "rev-parse", "--short=7", "HEAD").StandardOutput.Trim();

    /// <summary>Runs git; exit code 127, as from a shell, when git is not installed.</summary>
    private static ProcessRunner.Result Git(string repository, params string[] arguments)
    {
        try
        {
            return ProcessRunner.Run("git", arguments, repository);
        }
        catch (System.ComponentModel.Win32Exception missing)
        {
            return new ProcessRunner.Result(127, string.Empty, missing.Message);
        }
    }
}
