using Microsoft.Extensions.Logging;
using Orleans.Faas.Callbacks;
using Orleans.Faas.History;
using Orleans.Faas.Workers;

namespace Orleans.Faas.Tasks;

/// <summary>
/// The watchdog: a durable reminder that, every function timeout plus grace, checks that an unfinished task's
/// worker still holds its attempt. It catches what membership cannot see, such as a worker that lost its queue.
/// It is removed once the finished attempt's history row is stored; a tick that finds the task finished (its silo
/// died first) appends the row again. The callback reminder (<see cref="CallbackOutbox"/>) arrives here too.
/// </summary>
public sealed partial class TaskGrain : IRemindable
{
    private const string WatchdogName = "watchdog";

    /// <summary>How long a finishing task waits for its history row before leaving that to the watchdog's next tick.</summary>
    private static readonly TimeSpan HistoryPatience = TimeSpan.FromSeconds(5);

    private IGrainReminder? _watchdog;

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == CallbackOutbox.ReminderName)
        {
            await outbox.Resume(this);
            return;
        }
        if (Record.Submission is null)
        {
            await DisarmWatchdog();
            return;
        }
        if (TaskLifecycle.IsFinished(Record.Status))
        {
            await DisarmOnceRecorded(Record.Provider is { } ranOn ? history.Append(ExecutionRecords.Of(Id, Record, ranOn)) : Task.CompletedTask);
            return;
        }
        if (Record.Provider is null)
        {
            await TryPlace();
            return;
        }
        if (await WorkerHoldsCurrentAttempt(Record.Provider) is false)
        {
            LogAttemptLost(Id, Record.Attempts, Record.Provider);
            await RetryAfterProviderLoss(Record.Attempts);
        }
    }

    /// <summary>
    /// False only when the attempt is known to be lost: the worker says it does not hold it, or membership has no live
    /// silo for the provider. Null when the worker could not be asked; the next tick asks again.
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

    /// <summary>Best effort: without it the task still runs; only the backstop for a silently lost worker is missing.</summary>
    private async Task ArmWatchdog()
    {
        var period = Record.Submission!.Function.Definition.Timeout + options.Value.WatchdogGrace;
        try
        {
            _watchdog = await this.RegisterOrUpdateReminder(WatchdogName, period, period);
        }
        catch (Exception e) // the reminder table's own errors too, e.g. its database being away
        {
            LogWatchdogNotArmed(e, Id);
        }
    }

    /// <summary>Keeps the watchdog while the history may still miss the row, so that a silo's death cannot lose it.</summary>
    private async Task DisarmOnceRecorded(Task recorded)
    {
        try
        {
            await recorded.WaitAsync(HistoryPatience);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            LogHistoryNotRecorded(Id);
            return;
        }
        await DisarmWatchdog();
    }

    /// <summary>Best effort: a watchdog left behind finds the task finished at its next tick and removes itself then.</summary>
    private async Task DisarmWatchdog()
    {
        try
        {
            _watchdog ??= await this.GetReminder(WatchdogName);
            if (_watchdog is not null)
                await this.UnregisterReminder(_watchdog);
            _watchdog = null;
        }
        catch (Exception e) // the reminder table's own errors too, e.g. its database being away
        {
            LogWatchdogNotDisarmed(e, Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId}: its watchdog reminder could not be registered")]
    private partial void LogWatchdogNotArmed(Exception exception, Guid taskId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId}: its watchdog reminder could not be removed; it will remove itself")]
    private partial void LogWatchdogNotDisarmed(Exception exception, Guid taskId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId}: its history row is not stored yet; the watchdog stays to append it again")]
    private partial void LogHistoryNotRecorded(Guid taskId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId}: the worker of provider {Provider} could not be asked about its attempt; asking again next period")]
    private partial void LogWorkerUnreachable(Exception exception, Guid taskId, string provider);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId}: the worker of provider {Provider} no longer holds attempt {Attempt}")]
    private partial void LogAttemptLost(Guid taskId, int attempt, string provider);
}
