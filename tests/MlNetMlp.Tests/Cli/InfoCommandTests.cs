using MlNetMlp.Tests.Infrastructure;

namespace MlNetMlp.Tests.Cli;

[TestClass]
public sealed class InfoCommandTests
{
    [TestMethod]
    public void Info_AsAUserRunsIt_PrintsVersionsAndTorchResult()
    {
        var result = ProcessRunner.Run("dotnet", [TestPaths.CliDll, "info"]);

        Assert.AreEqual(0, result.ExitCode, result.Transcript);
        StringAssert.Contains(result.StandardOutput, "5.0.1", result.Transcript);
        StringAssert.Contains(result.StandardOutput, "0.107.0", result.Transcript);
        StringAssert.Contains(result.StandardOutput, "2.10.0", result.Transcript);
        StringAssert.Contains(result.StandardOutput, "[[19,22],[43,50]]", result.Transcript);
    }
}
