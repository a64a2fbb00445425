using Orleans.Faas.Tasks;

namespace Orleans.Faas.HttpModel.Tasks;

/// <summary>
/// What a task's finished attempt cost. A null value was not measured (never read it as zero);
/// <see cref="CacheCountersUnavailable"/> says why the LLC counters are missing.
/// </summary>
/// <param name="WallMs">The run itself; getting its container is <paramref name="ContainerMs"/>.</param>
/// <param name="Cold">A new container was started for the run.</param>
/// <param name="CpuQuota">The CPU quota, in cores, the run got; null when it had none.</param>
/// <param name="RunningAtStart">Tasks running on the node when the run started, itself not counted.</param>
/// <param name="QueuedAtStart">Tasks waiting on the node when the run started.</param>
public sealed record TaskMetricsResponse(
    double WallMs,
    double? CpuMs,
    long? PeakMemoryBytes,
    long? ReadBytes,
    long? WriteBytes,
    long? LlcReferences,
    long? LlcMisses,
    string? CacheCountersUnavailable,
    bool? Cold,
    double? ContainerMs,
    double? CpuQuota,
    int? RunningAtStart,
    int? QueuedAtStart)
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
            task.Metrics?.CacheCountersUnavailable,
            task.Conditions?.Cold,
            task.Conditions?.ContainerMs,
            task.Conditions?.CpuQuota,
            task.LoadAtStart?.Running,
            task.LoadAtStart?.Queued);
}
