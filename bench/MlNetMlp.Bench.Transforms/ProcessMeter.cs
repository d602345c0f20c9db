using System.Diagnostics;

namespace MlNetMlp.Bench;

/// <summary>
/// CPU time and resident memory of this process. The peak resident set (Linux VmHWM) can be reset
/// between phases through /proc/self/clear_refs, so each phase reports its own peak.
/// </summary>
internal static class ProcessMeter
{
    /// <summary>CPU seconds this process has used so far, on all threads (the GC's included).</summary>
    public static double CpuSeconds() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    /// <summary>Sets the peak resident set back to the current one; false where the OS does not allow it.</summary>
    public static bool ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The peak resident set in MiB since start or the last <see cref="ResetPeak"/>.</summary>
    public static double PeakMiB()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64 / (1024.0 * 1024.0);
    }

    /// <summary>The current resident set in MiB.</summary>
    public static double CurrentMiB()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64 / (1024.0 * 1024.0);
    }
}
