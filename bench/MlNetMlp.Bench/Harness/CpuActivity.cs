using System.Globalization;

namespace MlNetMlp.Bench.Harness;

/// <summary>
/// The machine's CPU time (/proc/stat) and this process's own with its finished children's (/proc/self/stat), both in
/// clock ticks: two samples tell how much of the machine other processes used in between, which says whether the
/// figures measured in between can be trusted.
/// </summary>
internal sealed record CpuActivity(long MachineBusyTicks, long MachineTotalTicks, long OwnTicks)
{
    /// <summary>Now; zeros where /proc is absent.</summary>
    public static CpuActivity Sample()
    {
        if (!File.Exists("/proc/stat") || !File.Exists("/proc/self/stat"))
        {
            return new CpuActivity(0, 0, 0);
        }

        // cpu user nice system idle iowait irq softirq steal ...
        var machine = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8).Select(long.Parse).ToArray();
        var busy = machine[0] + machine[1] + machine[2] + machine[5] + machine[6] + machine[7];
        // The fields after the command name (which may hold spaces) start at the state, field 3; utime, stime, cutime and cstime are fields 14 to 17.
        var self = File.ReadAllText("/proc/self/stat");
        var fields = self[(self.LastIndexOf(')') + 2)..].Split(' ');
        var own = fields.Skip(11).Take(4).Sum(field => long.Parse(field, CultureInfo.InvariantCulture));
        return new CpuActivity(busy, busy + machine[3] + machine[4], own);
    }

    /// <summary>The share of the machine's CPU time since <paramref name="start"/> that went to other processes, 0 to 1.</summary>
    public double OthersShareSince(CpuActivity start)
    {
        var total = MachineTotalTicks - start.MachineTotalTicks;
        return total <= 0 ? 0 : Math.Clamp((double)((MachineBusyTicks - start.MachineBusyTicks) - (OwnTicks - start.OwnTicks)) / total, 0, 1);
    }
}
