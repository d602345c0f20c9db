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
        StringAssert.Contains(result.StandardOutput, $"{LoadedMlNet()} (MlNetMlp supports [6.0.0, 6.1))", result.Transcript);
        StringAssert.Contains(result.StandardOutput, "0.107.0", result.Transcript);
        StringAssert.Contains(result.StandardOutput, "2.10.0", result.Transcript);
        StringAssert.Contains(result.StandardOutput, "[[19,22],[43,50]]", result.Transcript);
    }

    /// <summary>The Microsoft.ML release this test run loaded, e.g. 6.0.0.</summary>
    private static string LoadedMlNet() =>
        typeof(Microsoft.ML.MLContext).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .Cast<System.Reflection.AssemblyInformationalVersionAttribute>().Single().InformationalVersion.Split('+')[0];
}
