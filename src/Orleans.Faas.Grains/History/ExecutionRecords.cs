using Orleans.Faas.Scheduling;
using Orleans.Faas.Tasks;

namespace Orleans.Faas.History;

internal static class ExecutionRecords
{
    /// <summary>The history row of a task's finished current attempt; an attempt that never started ran for zero time.</summary>
    public static ExecutionRecord Of(Guid taskId, TaskRecord task, string provider)
    {
        var metrics = task.Metrics;
        var function = task.Submission!.Function;
        var finishedAt = task.FinishedAt!.Value;
        return new ExecutionRecord(
            taskId,
            task.Attempts,
            function.Definition.Name,
            function.Version,
            provider,
            task.Submission.Input.Length,
            task.QueuedAt,
            task.StartedAt ?? finishedAt,
            finishedAt,
            (task.WallTime ?? TimeSpan.Zero).TotalMilliseconds,
            metrics?.CpuMs,
            metrics?.PeakMemoryBytes,
            task.ExitCode,
            task.Status,
            task.FailureReason,
            metrics?.ReadBytes,
            metrics?.WriteBytes,
            metrics?.LlcReferences,
            metrics?.LlcMisses,
            task.Submission.InputSize,
            task.Conditions?.Cold,
            task.Conditions?.ContainerMs,
            task.Conditions?.CpuQuota,
            task.LoadAtStart?.Running,
            task.LoadAtStart?.Queued,
            task.Placement?.PredictedRuntimeMs,
            task.Placement?.ModelVersion,
            task.Placement?.Policy is { } policy ? PolicyNames.Of(policy) : null,
            task.Submission.Features);
    }
}
