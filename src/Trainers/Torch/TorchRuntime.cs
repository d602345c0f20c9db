using System.Reflection;
using TorchSharp;

namespace MlNetMlp;

/// <summary>Starts libtorch with a clear error when it cannot, and describes the running engine.</summary>
public static class TorchRuntime
{
    /// <summary>Loads libtorch (once) and runs nothing else; throws <see cref="TorchUnavailableException"/> with the cause when it cannot start.</summary>
    public static void EnsureStarted()
    {
        try
        {
            torch.InitializeDeviceType(DeviceType.CPU);
        }
        catch (Exception e) when (e is TypeInitializationException or DllNotFoundException or NotSupportedException or BadImageFormatException)
        {
            throw new TorchUnavailableException(
                $"libtorch could not start: {Innermost(e).Message} " +
                "On Debian 12 and Ubuntu 22.04 the usual cause is TorchSharp's libLibTorchSharp.so asking for symbol version " +
                "GLIBCXX_3.4.32, which the system libstdc++ lacks (TorchSharp then wrongly blames a missing libtorch-cpu-linux-x64 reference). " +
                "MlNetMlp.Trainers fixes the copy in your build output at build time; make sure the application was built or published " +
                "with 'dotnet build'/'dotnet publish' while referencing MlNetMlp.Trainers, and that the copy was not replaced afterwards. " +
                "See the README section 'TorchSharp on Debian 12'.",
                e);
        }
    }

    /// <summary>Starts libtorch and reports versions, threads and devices.</summary>
    public static TorchRuntimeInfo Describe()
    {
        EnsureStarted();
        return new TorchRuntimeInfo(
            InformationalVersion(typeof(Microsoft.ML.MLContext).Assembly),
            InformationalVersion(typeof(torch).Assembly),
            torch.__version__,
            torch.get_num_threads(),
            Environment.ProcessorCount,
            torch.cuda.is_available() ? $"cuda ({torch.cuda.device_count()} device(s)), cpu" : "cpu");
    }

    private static string InformationalVersion(Assembly assembly)
    {
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString() ?? "unknown";
        var metadata = version.IndexOf('+');
        return metadata < 0 ? version : version[..metadata];
    }

    private static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);
}
