using MlNetMlp.Tests.Infrastructure;

namespace MlNetMlp.Tests.Cli;

/// <summary><c>mlnetmlp --version</c> tells builds apart: the version it was built as and the commit, although every assembly is 0.3.0.</summary>
[TestClass]
public sealed class VersionOptionTests
{
    [TestMethod]
    public void Version_AsAUserAsks_PrintsTheDevelopmentVersionAndTheFullCommit()
    {
        var result = CliRunner.Run("--version");

        Assert.AreEqual(0, result.ExitCode, result.Transcript);
        var count = Git("rev-list", "--count", "HEAD");
        if (count is null)
        {
            StringAssert.StartsWith(result.StandardOutput, "mlnetmlp 0.3.0", result.Transcript);
            return;
        }

        var commit = Git("rev-parse", "HEAD")!;
        var dirty = Git("--no-optional-locks", "status", "--porcelain", "--untracked-files=normal")!.Length > 0;
        var expected = $"mlnetmlp 0.3.0-dev.{count}.g{commit[..7]}{(dirty ? ".dirty" : "")} (commit {commit}{(dirty ? ", with uncommitted changes" : "")})";
        Assert.AreEqual(expected, result.StandardOutput.Trim(), result.Transcript);
    }

    /// <summary>Git's trimmed output, or null when git or the repository is not there.</summary>
    private static string? Git(params string[] arguments)
    {
        try
        {
            var run = ProcessRunner.Run("git", arguments, TestPaths.RepositoryRoot);
            return run.ExitCode == 0 ? run.StandardOutput.Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
