using System.Text.RegularExpressions;
using MlNetMlp.Tests.Infrastructure;

namespace MlNetMlp.Tests.Packaging;

/// <summary>
/// The command-line program installs from the packed packages as the .NET tool <c>mlnetmlp</c>, as the README shows, and
/// the installed tool runs: it names its version, starts torch (the GLIBCXX fix travels inside the package) and trains,
/// writing its learning-curve chart (Skia's natives travel too).
/// </summary>
[TestClass]
public sealed class ToolPackageTests
{
    [TestMethod]
    public void ToolPackage_InstalledWithDotnetTool_NamesItsVersionRunsTorchAndTrains()
    {
        var feed = PackedFeed.Instance;
        using var directory = new TemporaryDirectory();
        var tools = directory.File("tools");

        var install = ProcessRunner.Run("dotnet", ["tool", "install", "mlnetmlp", "--tool-path", tools, "--add-source", feed.Folder, "--version", feed.Version], directory.Path);

        Assert.AreEqual(0, install.ExitCode, install.Transcript);
        var mlnetmlp = Path.Combine(tools, "mlnetmlp");
        var version = ProcessRunner.Run(mlnetmlp, ["--version"], directory.Path);
        Assert.AreEqual(0, version.ExitCode, version.Transcript);
        // A package built from uncommitted changes carries a hash of them, which the program leaves out (it would recompile it on every edit).
        var built = Regex.Replace(feed.Version, @"\.dirty-[0-9a-f]{8}$", ".dirty");
        StringAssert.StartsWith(version.StandardOutput, $"mlnetmlp {built} (commit ", version.Transcript);

        var info = ProcessRunner.Run(mlnetmlp, ["info"], directory.Path);
        Assert.AreEqual(0, info.ExitCode, info.Transcript);
        StringAssert.Contains(info.StandardOutput, "[[19,22],[43,50]]", info.Transcript);

        var train = ProcessRunner.Run(mlnetmlp, ["train", "mnist", "--rows", "300", "--epochs", "1", "--model", "model.zip"], directory.Path);
        Assert.AreEqual(0, train.ExitCode, train.Transcript);
        Assert.IsTrue(File.Exists(directory.File("model.zip")), train.Transcript);
        Assert.IsGreaterThan(10_000, new FileInfo(directory.File("model-history.png")).Length, train.Transcript);
    }
}
