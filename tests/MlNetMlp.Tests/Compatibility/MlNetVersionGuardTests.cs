namespace MlNetMlp.Tests.Compatibility;

/// <summary>The guard that refuses an ML.NET outside the releases MlNetMlp was built for, with one line naming both.</summary>
[TestClass]
public sealed class MlNetVersionGuardTests
{
    private static readonly MlNetVersionRange SixZero = new(new Version(6, 0, 0), new Version(6, 1));

    [TestMethod]
    public void Supported_IsTheRangeThePackagesDeclare_AndHoldsTheLoadedMlNet()
    {
        Assert.AreEqual("[6.0.0, 6.1)", MlNetVersionGuard.Supported.ToString());
        MlNetVersionGuard.EnsureSupported();
    }

    [TestMethod]
    [DataRow("6.0.0+6eff5ccedce81728c927bfa0155284aadd38531d", true)]
    [DataRow("6.0.3", true)]
    [DataRow("6.0.9-servicing.1", true)]
    [DataRow("5.0.1+a4f730ec0c9106c2c9ef9e1fa34011374115fb98", false)]
    [DataRow("6.0.0-preview.1", false)]
    [DataRow("6.1.0", false)]
    [DataRow("6.1.0-preview.2", false)]
    [DataRow("7.0.0", false)]
    [DataRow("not a version", false)]
    [DataRow(null, false)]
    public void Contains_ReleaseText_AcceptsExactlyThe60Line(string? text, bool expected) => Assert.AreEqual(expected, SixZero.Contains(text));

    [TestMethod]
    public void Check_OlderMlNetLoaded_NamesTheFoundAndTheSupportedVersionsAndTheFile()
    {
        var problem = MlNetVersionGuard.Check(SixZero, [
            ("Microsoft.ML.Core", "5.0.1+a4f730ec0c9106c2c9ef9e1fa34011374115fb98", "/app/Microsoft.ML.Core.dll"),
            ("Microsoft.ML.Data", "6.0.0+6eff5cc", "/app/Microsoft.ML.Data.dll")]);

        Assert.IsNotNull(problem);
        StringAssert.Contains(problem, "supports Microsoft.ML [6.0.0, 6.1), but this application loaded Microsoft.ML.Core 5.0.1 (from /app/Microsoft.ML.Core.dll)");
        StringAssert.Contains(problem, "reference Microsoft.ML 6.0.x");
        Assert.DoesNotContain("\n", problem, "one line");
    }

    [TestMethod]
    public void Check_EverySupportedAssembly_FindsNothing() =>
        Assert.IsNull(MlNetVersionGuard.Check(SixZero, [("Microsoft.ML.Core", "6.0.0+x", "a"), ("Microsoft.ML.Data", "6.0.2", "b")]));
}
