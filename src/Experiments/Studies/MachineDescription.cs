using System.Runtime.InteropServices;

namespace MlNetMlp.Experiments;

/// <summary>The machine a comparison ran on, as the report states it.</summary>
/// <param name="LogicalCores">The number of logical processors.</param>
/// <param name="OperatingSystem">The OS description.</param>
/// <param name="Runtime">The .NET runtime description.</param>
/// <param name="Architecture">The process architecture.</param>
public sealed record MachineDescription(int LogicalCores, string OperatingSystem, string Runtime, string Architecture)
{
    /// <summary>Describes the machine this process runs on.</summary>
    /// <returns>Its cores, OS, runtime and architecture.</returns>
    public static MachineDescription Current() => new(
        Environment.ProcessorCount,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        RuntimeInformation.ProcessArchitecture.ToString());
}
