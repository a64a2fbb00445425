namespace Orleans.Faas.Runtime.Cache;

/// <summary>
/// Last-level cache references and misses of everything in one cgroup, counted on every CPU while the cgroup lives
/// (perf_event_open with PERF_FLAG_PID_CGROUP). Read before and after a run; the difference is the run's.
/// </summary>
public sealed class CgroupCacheCounters : IDisposable
{
    private readonly List<int> _references = [];
    private readonly List<int> _misses = [];

    private CgroupCacheCounters()
    {
    }

    /// <summary>Counters on the cgroup at <paramref name="folder"/>, or why the kernel would not open them.</summary>
    public static (CgroupCacheCounters? Counters, string? Unavailable) Open(string folder, int cpus)
    {
        var cgroup = PerfEvents.OpenFolder(folder);
        if (cgroup < 0)
            return (null, $"the container's perf_event cgroup {folder} cannot be opened: {PerfEvents.Why(cgroup)}");
        var counters = new CgroupCacheCounters();
        try
        {
            for (var cpu = 0; cpu < cpus; cpu++)
            {
                foreach (var (config, into) in new[] { (PerfEvents.CacheReferences, counters._references), (PerfEvents.CacheMisses, counters._misses) })
                {
                    var descriptor = PerfEvents.OpenOnCgroup(config, cgroup, cpu);
                    if (descriptor < 0)
                    {
                        counters.Dispose();
                        return (null, $"perf_event_open refused a cache counter on the container's cgroup (CPU {cpu}): {PerfEvents.Why(descriptor)}");
                    }
                    into.Add((int)descriptor);
                }
            }
            return (counters, null);
        }
        finally
        {
            PerfEvents.CloseDescriptor(cgroup);
        }
    }

    public (long References, long Misses) Read() =>
        (_references.Sum(PerfEvents.ReadCount), _misses.Sum(PerfEvents.ReadCount));

    public void Dispose()
    {
        foreach (var descriptor in _references.Concat(_misses))
            PerfEvents.CloseDescriptor(descriptor);
        _references.Clear();
        _misses.Clear();
    }
}
