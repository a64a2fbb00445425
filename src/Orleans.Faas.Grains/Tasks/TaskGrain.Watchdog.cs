using Microsoft.Extensions.Logging;
using Orleans.Faas.Callbacks;
using Orleans.Faas.Workers;

namespace Orleans.Faas.Tasks;

/// <summary>
/// The watchdog: a durable reminder that, every function timeout plus grace, checks that an unfinished task's
/// worker still holds its attempt. It catches what membership cannot see, such as a worker that lost its queue.
/// The callback reminder (<see cref="CallbackOutbox"/>) arrives here too.
/// </summary>
public sealed partial class TaskGrain : IRemindable
{
    private const string WatchdogName = "watchdog";

    private IGrainReminder? _watchdog;

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == CallbackOutbox.ReminderName)
        {
            await outbox.Resume(this);
            return;
        }
        if (Record.Submission is null || TaskLifecycle.IsFinished(Record.Status))
        {
            await DisarmWatchdog();
            return;
        }
        if (Record.Provider is null)
        {
            await TryPlace();
            return;
        }
        if (!await WorkerHoldsCurrentAttempt(Record.Provider))
        {
            LogAttemptLost(Id, Record.Attempts, Record.Provider);
            await RetryAfterProviderLoss(Record.Attempts);
        }
    }

    private async Task<bool> WorkerHoldsCurrentAttempt(string provider)
    {
        try
        {
            return await GrainFactory.GetGrain<IWorkerGrain>(provider).Holds(new TaskAttempt(Id, Record.Attempts));
        }
        catch (Exception e) when (e is ProviderSiloUnavailableException or OrleansException or TimeoutException)
        {
            return false;
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
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            LogWatchdogNotArmed(e, Id);
        }
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
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            LogWatchdogNotDisarmed(e, Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId}: its watchdog reminder could not be registered")]
    private partial void LogWatchdogNotArmed(Exception exception, Guid taskId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId}: its watchdog reminder could not be removed; it will remove itself")]
    private partial void LogWatchdogNotDisarmed(Exception exception, Guid taskId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId}: the worker of provider {Provider} no longer holds attempt {Attempt}")]
    private partial void LogAttemptLost(Guid taskId, int attempt, string provider);
}
