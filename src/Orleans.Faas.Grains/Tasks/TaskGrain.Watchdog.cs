using Microsoft.Extensions.Logging;
using Orleans.Faas.History;
using Orleans.Faas.Resilience;
using Orleans.Faas.Watch;
using Orleans.Faas.Workers;

namespace Orleans.Faas.Tasks;

/// <summary>
/// The watchdog: from its acceptance until its history row is stored, the task is watched by its range
/// (<see cref="ITaskWatchGrain"/>), which checks it every function timeout plus grace, and at once when membership
/// declares a silo dead. The check places again an attempt whose node is gone, including when the task's own silo died
/// with it (the range outlives both), and catches what membership cannot see, such as a worker that lost its queue.
/// A check that finds the task finished (its silo died before the row was stored) appends the row again.
/// </summary>
public sealed partial class TaskGrain
{
    /// <summary>How long a finishing task waits for its history row before leaving that to the watchdog's next check.</summary>
    private static readonly TimeSpan HistoryPatience = TimeSpan.FromSeconds(5);

    /// <summary>How soon a task whose worker could not be asked is checked again.</summary>
    private static readonly TimeSpan UnreachableRetry = TimeSpan.FromSeconds(5);

    /// <summary>Whether this activation saw the history store the finished attempt's row.</summary>
    private bool _recorded;

    public async Task<DateTimeOffset?> Check()
    {
        if (Record.Submission is null)
            return null;
        if (TaskLifecycle.IsFinished(Record.Status))
        {
            // This activation may not be the one that finished the task: the row is appended again, the history keeps one.
            _recorded = _recorded || await Recorded(Record.Provider is { } ranOn ? history.Append(ExecutionRecords.Of(Id, Record, ranOn)) : Task.CompletedTask);
            return _recorded ? null : NextCheck(Record.Submission);
        }
        if (Record.Provider is null)
        {
            if (Record.RetryAt is { } retryAt && retryAt > clock.GetUtcNow())
                return retryAt;
            await PlaceUnplacedAttempt();
        }
        else
        {
            switch (await WorkerHoldsCurrentAttempt(Record.Provider))
            {
                case false:
                    LogAttemptLost(Id, Record.Attempts, Record.Provider);
                    await RetryAfterProviderLoss(Record.Attempts);
                    break;
                case null:
                    // Unreachable is not lost: ask again soon, by when membership will have made up its mind.
                    return clock.GetUtcNow() + UnreachableRetry;
            }
        }
        return TaskLifecycle.IsFinished(Record.Status) && _recorded ? null : NextCheck(Record.Submission);
    }

    /// <summary>One watchdog period from now: the function's timeout plus the grace.</summary>
    private DateTimeOffset NextCheck(TaskSubmission submission) => clock.GetUtcNow() + submission.Function.Definition.Timeout + options.Value.WatchdogGrace;

    /// <summary>
    /// Part of accepting the task, since only its range places it again when its node is lost: the call rides out the
    /// loss of the range's silo, and a range that still cannot store it refuses the task.
    /// </summary>
    /// <exception cref="TaskNotStoredException">The range did not store the task.</exception>
    private async Task Watch(TaskRecord task)
    {
        try
        {
            await ClusterCalls.ThroughSiloLoss.ExecuteInGrain(() => GrainFactory.For(Id).Watch(Id, NextCheck(task.Submission!)));
        }
        catch (Exception e) // the range's storage errors too, e.g. its database being away
        {
            LogNotWatched(e, Id);
            throw new TaskNotStoredException(Id, $"its watch range could not store it ({e.Message}).");
        }
    }

    /// <summary>The task stays watched until the history has its row, so that a silo's death cannot lose it.</summary>
    private async Task StopWatchingOnceRecorded(Task recorded)
    {
        _recorded = await Recorded(recorded);
        if (_recorded)
            GrainFactory.For(Id).Forget(Id).Ignore();
    }

    private async Task<bool> Recorded(Task recorded)
    {
        try
        {
            await recorded.WaitAsync(HistoryPatience);
            return true;
        }
        catch (Exception e) // not stored in time, or the history gave up on the row
        {
            LogHistoryNotRecorded(e, Id);
            return false;
        }
    }

    /// <summary>
    /// False only when the attempt is known to be lost: the worker says it does not hold it, or membership has no live
    /// silo for the provider. Null when the worker could not be asked; the next check asks again.
    /// </summary>
    private async Task<bool?> WorkerHoldsCurrentAttempt(string provider)
    {
        try
        {
            return await GrainFactory.GetGrain<IWorkerGrain>(provider).Holds(new TaskAttempt(Id, Record.Attempts));
        }
        catch (ProviderSiloUnavailableException)
        {
            return false;
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            LogWorkerUnreachable(e, Id, provider);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId}: its watch range could not store it, so the task is refused")]
    private partial void LogNotWatched(Exception exception, Guid taskId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId}: its history row is not stored yet; the watchdog stays to append it again")]
    private partial void LogHistoryNotRecorded(Exception exception, Guid taskId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId}: the worker of provider {Provider} could not be asked about its attempt; asking again in a few seconds")]
    private partial void LogWorkerUnreachable(Exception exception, Guid taskId, string provider);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId}: the worker of provider {Provider} no longer holds attempt {Attempt}")]
    private partial void LogAttemptLost(Guid taskId, int attempt, string provider);
}
