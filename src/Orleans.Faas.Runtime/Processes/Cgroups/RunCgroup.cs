using System.Diagnostics;
using System.Globalization;

namespace Orleans.Faas.Runtime.Processes.Cgroups;

/// <summary>One run's own cgroup v2: its limits written at creation, everything in it killed and the group removed afterwards.</summary>
public sealed class RunCgroup
{
    // The kernel's default CFS period; cpu.max is "quota period" in microseconds.
    private const long CpuPeriodMicros = 100_000;
    private const long MinCpuQuotaMicros = 1_000;

    // A killed process leaves its cgroup only once the kernel has reaped it; the group cannot be removed before.
    private static readonly TimeSpan RemoveWithin = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RemovePoll = TimeSpan.FromMilliseconds(10);

    private RunCgroup(string path) => Path = path;

    public string Path { get; }

    /// <summary>Where a process writes <c>0</c> to move itself into the group.</summary>
    public string ProcsFile => InterfaceFile("cgroup.procs");

    internal static RunCgroup Create(string root, RunLimits limits)
    {
        var group = new RunCgroup(System.IO.Path.Combine(root, $"run-{Guid.NewGuid():N}"));
        Directory.CreateDirectory(group.Path);
        var quota = Math.Max(MinCpuQuotaMicros, (long)Math.Round(limits.CpuCores * CpuPeriodMicros));
        group.Write("cpu.max", $"{quota} {CpuPeriodMicros}");
        group.Write("memory.max", limits.MemoryBytes.ToString(CultureInfo.InvariantCulture));
        // As a container's swap limit equals its memory limit: no swap beyond it, where the kernel accounts swap at all.
        if (File.Exists(group.InterfaceFile("memory.swap.max")))
            group.Write("memory.swap.max", "0");
        group.Write("pids.max", limits.Pids.ToString(CultureInfo.InvariantCulture));
        return group;
    }

    /// <summary>Kills whatever is still in the group, descendants that left the run's process tree included, and removes the group.</summary>
    /// <exception cref="IOException">The group still held processes after <see cref="RemoveWithin"/>, or could not be removed.</exception>
    public async Task RemoveAsync()
    {
        Kill();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                Directory.Delete(Path);
                return;
            }
            catch (IOException) when (clock.Elapsed < RemoveWithin)
            {
                await Task.Delay(RemovePoll);
            }
        }
    }

    private void Kill()
    {
        if (File.Exists(InterfaceFile("cgroup.kill")))
        {
            Write("cgroup.kill", "1");
            return;
        }
        // Kernels before 5.14 have no cgroup.kill: each member is killed by its pid.
        foreach (var line in File.Exists(ProcsFile) ? File.ReadLines(ProcsFile) : [])
        {
            try
            {
                using var member = Process.GetProcessById(int.Parse(line, CultureInfo.InvariantCulture));
                member.Kill();
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                // It ended in the meantime.
            }
        }
    }

    private string InterfaceFile(string name) => System.IO.Path.Combine(Path, name);

    private void Write(string name, string value) => File.WriteAllText(InterfaceFile(name), value);
}
