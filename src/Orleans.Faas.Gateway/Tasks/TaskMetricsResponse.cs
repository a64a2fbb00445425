using Orleans.Faas.Tasks;

namespace Orleans.Faas.Gateway.Tasks;

/// <summary>
/// What a task's finished attempt cost. A null value was not measured (never read it as zero);
/// <see cref="CacheCountersUnavailable"/> says why the LLC counters are missing.
/// </summary>
public sealed record TaskMetricsResponse(
    double WallMs,
    double? CpuMs,
    long? PeakMemoryBytes,
    long? ReadBytes,
    long? WriteBytes,
    long? LlcReferences,
    long? LlcMisses,
    string? CacheCountersUnavailable)
{
    /// <summary>Null until an attempt has finished.</summary>
    public static TaskMetricsResponse? From(TaskSnapshot task) => task.WallTime is not { } wall
        ? null
        : new(
            wall.TotalMilliseconds,
            task.Metrics?.CpuMs,
            task.Metrics?.PeakMemoryBytes,
            task.Metrics?.ReadBytes,
            task.Metrics?.WriteBytes,
            task.Metrics?.LlcReferences,
            task.Metrics?.LlcMisses,
            task.Metrics?.CacheCountersUnavailable);
}
