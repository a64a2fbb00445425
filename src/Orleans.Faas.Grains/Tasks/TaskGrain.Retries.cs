using Microsoft.Extensions.Logging;
using Orleans.Faas.History;
using Orleans.Faas.Resilience;
using Orleans.Faas.Watch;

namespace Orleans.Faas.Tasks;

/// <summary>
/// The function's retry policy (<see cref="Functions.RetryPolicy"/>): a run that failed by itself is kept on the task,
/// which is QUEUED again, unplaced until its stored <see cref="TaskRecord.RetryAt"/>. Its watch range, whose due times
/// are stored and which outlives this task's silo, checks it then (<see cref="Check"/>) and the check places it.
/// </summary>
public sealed partial class TaskGrain
{
    /// <summary>The delay before the next run when the policy runs this failed one again; null when the task ends with it.</summary>
    private TimeSpan? RetryDelay(string reason, ExecutionOutcome outcome)
    {
        if (Record.Submission!.Function.Definition.Retry is not { } policy)
            return null;
        var failedRuns = Record.Runs.Length + 1;
        return failedRuns < policy.MaxAttempts && policy.Covers(reason, outcome.ExitCode, outcome.Exception)
            ? policy.DelayAfter(failedRuns, Random.Shared.NextDouble())
            : null;
    }

    private async Task RetryLater(ExecutionOutcome outcome, string reason, string error, TimeSpan delay)
    {
        var finishedAt = clock.GetUtcNow();
        var retryAt = finishedAt + delay;
        var ran = Record.Copy();
        (ran.Status, ran.FinishedAt, ran.ExitCode, ran.FailureReason, ran.WallTime, ran.Metrics, ran.Conditions) =
            (TaskState.Failed, finishedAt, outcome.ExitCode, reason, outcome.WallTime, outcome.Metrics, outcome.Conditions);

        await Store(r =>
        {
            r.Runs = r.Runs.Add(new TaskRun(r.Attempts, r.Provider, r.StartedAt, finishedAt, TaskState.Failed, outcome.ExitCode, reason, error, retryAt));
            MoveTo(r, TaskState.Queued);
            r.Attempts++;
            r.PlacementsBefore = r.Attempts - 1;
            (r.Provider, r.Placement, r.StartedAt, r.LoadAtStart, r.RetryAt) = (null, null, null, null, retryAt);
        });
        LogRetryScheduled(Id, reason, Record.Runs.Length + 1, retryAt);
        metrics.TaskReached(FunctionName, TaskState.Queued);
        TellBatch();
        // Best effort, unlike the final run's row, which the watchdog appends again: the task goes on without waiting.
        if (ran.Provider is { } provider)
            history.Append(ExecutionRecords.Of(Id, ran, provider)).Ignore();

        try
        {
            await ClusterCalls.ThroughSiloLoss.ExecuteInGrain(() => GrainFactory.For(Id).Watch(Id, retryAt));
        }
        catch (Exception e) // the range's storage errors too, e.g. its database being away
        {
            // The range still checks the task at its earlier due time: the retry runs late, never not at all.
            LogRetryNotWatched(e, Id, retryAt);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Task {TaskId}: its run failed ({Reason}); its retry policy runs it again, run {Run}, at {RetryAt}")]
    private partial void LogRetryScheduled(Guid taskId, string reason, int run, DateTimeOffset retryAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId}: its watch range could not store its retry at {RetryAt}; the range's earlier check will find it")]
    private partial void LogRetryNotWatched(Exception exception, Guid taskId, DateTimeOffset retryAt);
}
