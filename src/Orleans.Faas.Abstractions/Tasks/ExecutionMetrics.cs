namespace Orleans.Faas.Tasks;

/// <summary>
/// What one run cost, as its container's cgroups and the kernel reported it. A value the node could not measure is null,
/// never zero; <see cref="CacheCountersUnavailable"/> says why the cache counters are missing.
/// </summary>
/// <param name="CpuMs">CPU time of the run by cgroup accounting, user and system.</param>
/// <param name="PeakMemoryBytes">The largest resident set among the run's processes.</param>
/// <param name="ReadBytes">Block-device bytes read by the run.</param>
/// <param name="WriteBytes">Block-device bytes written by the run.</param>
/// <param name="LlcReferences">Last-level cache references counted on the run's cgroup.</param>
/// <param name="LlcMisses">Last-level cache misses counted on the run's cgroup.</param>
[GenerateSerializer, Immutable, Alias("faas.ExecutionMetrics")]
public sealed record ExecutionMetrics(
    [property: Id(0)] double? CpuMs,
    [property: Id(1)] long? PeakMemoryBytes,
    [property: Id(2)] long? ReadBytes,
    [property: Id(3)] long? WriteBytes,
    [property: Id(4)] long? LlcReferences,
    [property: Id(5)] long? LlcMisses,
    [property: Id(6)] string? CacheCountersUnavailable)
{
    /// <summary>A run nothing could be measured for, such as one that never started.</summary>
    public static ExecutionMetrics Unmeasured(string why) => new(null, null, null, null, null, null, why);
}
