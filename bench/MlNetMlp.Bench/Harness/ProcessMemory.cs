using System.Diagnostics;

namespace MlNetMlp.Bench.Harness;

/// <summary>
/// Resident memory and CPU time of this process. The peak resident set (Linux VmHWM) can be reset between phases
/// through /proc/self/clear_refs, so each phase of one process can report its own peak.
/// </summary>
internal static class ProcessMemory
{
    private const double Mebibyte = 1024.0 * 1024.0;

    /// <summary>The peak resident set in MiB since the start or the last <see cref="ResetPeak"/>.</summary>
    public static double PeakResidentMb()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64 / Mebibyte;
    }

    /// <summary>The current resident set in MiB.</summary>
    public static double ResidentMb()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64 / Mebibyte;
    }

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

    /// <summary>CPU seconds this process has used so far, on all threads (the GC's included).</summary>
    public static double CpuSeconds()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalSeconds;
    }
}
