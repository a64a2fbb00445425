using Orleans.Faas.Scheduling;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.Benchmarks.Placement;

/// <summary>What the benchmark reads of <c>GET /v1/tasks/{id}</c>.</summary>
/// <param name="Placement">Why the task went where it did; its policy is null for a pinned task.</param>
public sealed record TaskView(
    Guid Id,
    string Function,
    TaskState Status,
    string? Provider,
    DateTimeOffset QueuedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    long InputSize,
    string? Error,
    TaskRunMetrics? Metrics,
    PlacementDecision? Placement)
{
    public bool IsFinished => Status is TaskState.Completed or TaskState.Failed;
}

/// <summary>What the finished run cost; <paramref name="WallMs"/> is the run itself, without getting its container.</summary>
public sealed record TaskRunMetrics(double WallMs, bool? Cold);
