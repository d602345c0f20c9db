using TorchSharp;

namespace MlNetMlp.Tests.Trainers;

[TestClass]
public sealed class TorchRuntimeTests
{
    [TestMethod]
    public void MatrixProduct_KnownOperands_GivesKnownResult()
    {
        // Fails with TorchUnavailableException, whose message explains the GLIBCXX cause, when libtorch cannot start.
        TorchRuntime.EnsureStarted();

        using var left = torch.tensor(new float[] { 1, 2, 3, 4 }, [2, 2]);
        using var right = torch.tensor(new float[] { 5, 6, 7, 8 }, [2, 2]);
        using var product = torch.matmul(left, right);

        CollectionAssert.AreEqual(new float[] { 19, 22, 43, 50 }, product.data<float>().ToArray());
    }

    [TestMethod]
    public void Describe_ReportsPinnedVersionsAndCpu()
    {
        var info = TorchRuntime.Describe();

        Assert.IsTrue(MlNetVersionGuard.Supported.Contains(info.MlNetVersion), $"ML.NET {info.MlNetVersion} in {MlNetVersionGuard.Supported}");
        Assert.AreEqual("0.107.0", info.TorchSharpVersion);
        Assert.StartsWith("2.10", info.LibTorchVersion);
        Assert.IsGreaterThanOrEqualTo(1, info.TorchThreads);
        Assert.Contains("cpu", info.Devices);
    }

    [TestMethod]
    public void NativeLibraryFix_PatchesOutputCopyOnly_ByOneFlagByte()
    {
        var output = Directory.GetFiles(AppContext.BaseDirectory, "libLibTorchSharp.so", SearchOption.AllDirectories).Single();
        var cache = Path.Combine(NuGetPackagesFolder(), "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        Assert.IsTrue(File.Exists(cache), $"expected TorchSharp's library in the NuGet cache at {cache}");

        var patched = File.ReadAllBytes(output);
        var original = File.ReadAllBytes(cache);
        Assert.HasCount(original.Length, patched);
        var differing = Enumerable.Range(0, original.Length).Where(i => original[i] != patched[i]).ToList();
        if (SystemLibStdCxxDefines("GLIBCXX_3.4.32"))
        {
            Assert.IsEmpty(differing, "the system libstdc++ has GLIBCXX_3.4.32, so the library must be left as shipped");
        }
        else
        {
            // Exactly the vna_flags byte of the GLIBCXX_3.4.32 Vernaux record gains VER_FLG_WEAK (2).
            Assert.HasCount(1, differing);
            Assert.AreEqual(original[differing[0]] | 2, patched[differing[0]]);
        }
    }

    private static string NuGetPackagesFolder() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    private static bool SystemLibStdCxxDefines(string version)
    {
        var library = "/usr/lib/x86_64-linux-gnu/libstdc++.so.6";
        return File.Exists(library) && System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(library)).Contains(version + "\0");
    }
}
