namespace Orleans.Faas.Runtime.Cache;

/// <summary>
/// Whether this node can count last-level cache references and misses per container: the kernel must expose perf
/// events, mount the perf_event cgroup controller, and accept a hardware cache counter. Detected once at start.
/// </summary>
/// <param name="UnavailableBecause">Why the counters are unavailable; null when they can be counted.</param>
public sealed record CacheCounterSupport(string? UnavailableBecause)
{
    /// <param name="root">Where procfs and sysfs are found; a fake tree in tests.</param>
    /// <param name="openHardwareCounter">Tries a hardware cache counter on this process; returns why it failed, or null.</param>
    public static CacheCounterSupport Detect(string root, Func<string?> openHardwareCounter)
    {
        if (!File.Exists(Path.Combine(root, "proc/sys/kernel/perf_event_paranoid")))
            return new("the kernel exposes no perf events (no /proc/sys/kernel/perf_event_paranoid)");

        var cgroups = Path.Combine(root, "sys/fs/cgroup");
        var unified = File.Exists(Path.Combine(cgroups, "cgroup.controllers"));
        if (!unified && !Directory.Exists(Path.Combine(cgroups, "perf_event")))
            return new("the perf_event cgroup controller is not mounted (no /sys/fs/cgroup/perf_event)");

        return openHardwareCounter() is { } refused
            ? new($"perf_event_open refused a hardware cache counter: {refused}")
            : new((string?)null);
    }

    /// <summary>Detects support on this machine, with a real perf_event_open call.</summary>
    public static CacheCounterSupport DetectHere() => Detect("/", PerfEvents.TryOpenCacheReferences);
}
